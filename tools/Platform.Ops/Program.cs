using Platform.Ops;

// The operator's tools for each service's messaging, through the gateway with an ops token. See OpsOptions.Usage.
if (args.Length == 0 || args is ["--help"] or ["-h"])
{
    Console.WriteLine(OpsOptions.Usage);
    return args.Length == 0 ? 2 : 0;
}
try
{
    return await Commands.RunAsync(OpsOptions.Parse(args), Console.Out);
}
catch (OpsException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(OpsOptions.Usage);
    return 2;
}
catch (HttpRequestException error)
{
    Console.Error.WriteLine($"The gateway did not answer: {error.Message}");
    return 1;
}
