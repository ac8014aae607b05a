using System.Text;

namespace ContestSite.Core.Catalog.Import;

/// <summary>
/// A streaming RFC 4180 reader: comma separated, fields optionally in double quotes, quotes doubled
/// inside quoted fields, CRLF or LF line ends, line breaks allowed inside quoted fields. Records with
/// bad quoting are still returned, with <see cref="CsvRecord.Error"/> set, so the caller can report
/// the position and go on. Blank lines are skipped.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private enum State { FieldStart, Unquoted, Quoted, QuoteInQuoted }

    public IEnumerable<CsvRecord> ReadRecords()
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var state = State.FieldStart;
        long line = 1;
        var recordLine = line;
        var recordStarted = false;
        string? error = null;

        while (true)
        {
            var next = reader.Read();
            if (next == -1)
            {
                if (state == State.Quoted)
                {
                    error ??= "带引号的字段直到文件结束都没有闭合";
                }
                if (recordStarted)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(recordLine, fields.ToArray(), error);
                }
                yield break;
            }

            var ch = (char)next;
            var endsRecord = false;
            switch (state)
            {
                case State.Quoted:
                    if (ch == '"')
                    {
                        state = State.QuoteInQuoted;
                    }
                    else
                    {
                        line += ch == '\n' ? 1 : 0;
                        field.Append(ch);
                    }
                    continue;
                case State.QuoteInQuoted when ch == '"':
                    field.Append('"');
                    state = State.Quoted;
                    continue;
                case State.FieldStart when ch == '"':
                    state = State.Quoted;
                    recordStarted = true;
                    continue;
            }

            if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                state = State.FieldStart;
                recordStarted = true;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }
                line++;
                endsRecord = true;
            }
            else
            {
                if (state == State.QuoteInQuoted)
                {
                    error ??= $"第 {line} 行：右引号后还有文字";
                }
                else if (ch == '"')
                {
                    error ??= $"第 {line} 行：未加引号的字段中出现引号";
                }
                field.Append(ch);
                state = State.Unquoted;
                recordStarted = true;
            }

            if (endsRecord)
            {
                if (recordStarted)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord(recordLine, fields.ToArray(), error);
                }
                fields.Clear();
                field.Clear();
                state = State.FieldStart;
                recordStarted = false;
                error = null;
                recordLine = line;
            }
        }
    }
}
