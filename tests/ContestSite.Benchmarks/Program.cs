using ContestSite.Benchmarks.Catalog;

return args.FirstOrDefault() switch
{
    "catalog" => await CatalogBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/ContestSite.Benchmarks -- catalog");
    return 2;
}
