using Platform.SeedLoader;

// Loads the seed scenario's joint conference through the gateway, then records the 2025 provincial map at Home
// Affairs (Map2025); run again, it continues from what exists.
//   dotnet Platform.SeedLoader.dll [--gateway-http http://127.0.0.1:8080] [--gateway-grpc http://127.0.0.1:8081]
// The last line printed is the conference's URL.
try
{
    var options = SeedLoaderOptions.Parse(args);
    var id = await SeedConferenceLoader.RunAsync(options, Console.Out);
    await Map2025Loader.RunAsync(options, Console.Out);
    Console.WriteLine($"Conference {id}:");
    Console.WriteLine(options.ConferenceUrl(id));
    return 0;
}
catch (Exception failure)
{
    // The loader's own failures and usage errors say enough; anything else gets its stack trace.
    Console.Error.WriteLine("Loading the seed conference failed: "
        + (failure is SeedLoaderException or ArgumentException ? failure.Message : failure.ToString()));
    return 1;
}
