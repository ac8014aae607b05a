using ContestSite.Benchmarks.Catalog;
using ContestSite.Benchmarks.Masking;
using ContestSite.Benchmarks.Submissions;

return args.FirstOrDefault() switch
{
    "catalog" => await CatalogBenchmark.RunAsync(),
    "masking" => await MaskingBenchmark.RunAsync(args.Skip(1).ToArray()),
    "upload" => await UploadBenchmark.RunAsync(),
    "finalise-load" => await FinaliseLoadBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/ContestSite.Benchmarks -- catalog | masking [sizeMB] | upload | finalise-load [teams]");
    return 2;
}
