using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;

namespace ContestSite.Search;

/// <summary>
/// "Related datasets": MoreLikeThis over the dataset's own title, tags and description, read back
/// from the stored fields, each field's interesting terms weighted as in search.
/// </summary>
internal static class RelatedDatasets
{
    private const float MinimumShareOfBestScore = 0.35f;

    private static readonly (string Name, Func<Document, string> Text)[] Sources =
    [
        ("title", d => d.Get(CatalogFields.Title) ?? ""),
        ("tags", d => string.Join(' ', d.GetValues(CatalogFields.Tags))),
        ("desc", d => d.Get(CatalogFields.Description) ?? ""),
    ];

    public static IEnumerable<Document> Find(IndexSearcher searcher, Guid datasetId, AnalysisStrategy strategy, int max)
    {
        var idTerm = new Term(CatalogFields.Id, CatalogDocumentBuilder.IdTerm(datasetId));
        var self = searcher.Search(new TermQuery(idTerm), 1).ScoreDocs;
        if (self.Length == 0)
        {
            return [];
        }
        var document = searcher.Doc(self[0].Doc);
        var query = new BooleanQuery { { new TermQuery(idTerm), Occur.MUST_NOT } };
        var any = false;
        foreach (var (name, text) in Sources)
        {
            var boost = CatalogFields.Searchable.First(f => f.Name == name).Boost;
            foreach (var field in CatalogFields.Variants(name, strategy))
            {
                var like = Like(searcher.IndexReader, field, text(document));
                if (like is null)
                {
                    continue;
                }
                like.Boost = boost;
                query.Add(like, Occur.SHOULD);
                any = true;
            }
        }
        if (!any)
        {
            return [];
        }
        var hits = searcher.Search(query, max).ScoreDocs;
        if (hits.Length == 0)
        {
            return [];
        }
        // A weak match that only shares a word or two is not "related": keep what scores near the best.
        var floor = hits[0].Score * MinimumShareOfBestScore;
        return hits.Where(hit => hit.Score >= floor).Select(hit => searcher.Doc(hit.Doc)).ToList();
    }

    private static Query? Like(IndexReader reader, string field, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var moreLikeThis = new MoreLikeThis(reader)
        {
            Analyzer = CatalogAnalyzers.Schema,
            FieldNames = [field],
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = 20,
        };
        // Words in a quarter of the catalogue or more (信息, 数据, 基本) say nothing about relatedness.
        moreLikeThis.SetMaxDocFreqPct(25);
        var query = moreLikeThis.Like(new StringReader(text), field);
        return query is BooleanQuery { Clauses.Count: 0 } ? null : query;
    }
}
