using Platform.Bench;

// dotnet run -c Release --project bench/Platform.Bench -- scale [--cadres N] [--officials N] [--candidates N] [--samples N]
var options = ScaleOptions.Parse(args);
await ScaleBenchmark.RunAsync(options);
