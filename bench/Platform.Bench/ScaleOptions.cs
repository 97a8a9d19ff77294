namespace Platform.Bench;

public sealed record ScaleOptions(int Cadres, int Officials, int Candidates, int Samples)
{
    /// <summary>DOMAIN.md's scale: about 5 million Party members, 2.5 million officials, 500,000 candidates.</summary>
    public static ScaleOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "scale")
        {
            throw new ArgumentException("usage: scale [--cadres N] [--officials N] [--candidates N] [--samples N]");
        }
        int Value(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }
        return new ScaleOptions(Value("--cadres", 5_000_000), Value("--officials", 2_500_000), Value("--candidates", 500_000), Value("--samples", 200));
    }
}
