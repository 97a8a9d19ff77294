using Platform.Bench;

// dotnet run -c Release --project bench/Platform.Bench -- scale [--cadres N] [--officials N] [--candidates N] [--samples N]
// dotnet run -c Release --project bench/Platform.Bench -- vetting [--candidates 10000,100000,500000] [--cadres N] [--officials N] [--parallel N]
switch (args.FirstOrDefault())
{
    case "scale":
        await ScaleBenchmark.RunAsync(ScaleOptions.Parse(args));
        return 0;
    case "vetting":
        return await VettingBenchmark.RunAsync(VettingBenchOptions.Parse(args));
    case "events":
        return await EventLatencyBenchmark.RunAsync(EventLatencyOptions.Parse(args));
    case "load":
        return await LoadBenchmark.RunAsync(LoadOptions.Parse(args));
    case "gateway": // bench/run.sh: gateway vs direct vs nginx vs HAProxy, and (full, smoke) the footprint
        return await GatewayBenchmark.RunAsync(GatewayBenchOptions.Parse(args));
    case "footprint":
        return await FootprintBenchmark.RunAsync(args);
    case "smoke": // bench/run.sh --smoke: scale, vetting, events and load at tiny sizes on one platform (SmokeRun.cs)
        return await SmokeRun.RunAsync();
    default:
        Console.Error.WriteLine("usage: scale [--cadres N] [--officials N] [--candidates N] [--samples N]");
        Console.Error.WriteLine("       " + EventLatencyOptions.Usage);
        Console.Error.WriteLine("       " + LoadOptions.Usage);
        Console.Error.WriteLine("       " + GatewayBenchOptions.Usage);
        Console.Error.WriteLine("       footprint [--smoke] [--rounds N]");
        Console.Error.WriteLine("       vetting [--candidates N,N,...] [--cadres N] [--officials N] [--parallel N] [--wait-minutes N] [--report PATH]");
        Console.Error.WriteLine("       smoke");
        return 2;
}
