using System.Text.RegularExpressions;

namespace Platform.DeploymentTests.Support;

/// <summary>A Dockerfile as its instructions (continuation lines joined, comments dropped), split into stages.</summary>
public sealed partial class Dockerfile
{
    public sealed record Instruction(string Keyword, string Arguments);

    public string Path { get; }
    public IReadOnlyList<Instruction> Instructions { get; }

    public Dockerfile(string relativePath)
    {
        Path = relativePath;
        var instructions = new List<Instruction>();
        var pending = "";
        foreach (var raw in Repository.Read(relativePath).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (pending.Length == 0 && (line.TrimStart().StartsWith('#') || line.Trim().Length == 0))
            {
                continue;
            }
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            var whole = (pending + line).Trim();
            pending = "";
            var space = whole.IndexOf(' ');
            instructions.Add(space < 0
                ? new Instruction(whole.ToUpperInvariant(), "")
                : new Instruction(whole[..space].ToUpperInvariant(), whole[(space + 1)..].Trim()));
        }
        Instructions = instructions;
    }

    /// <summary>The images the stages start from as built without build arguments (`${NAME}` stands for the default of
    /// `ARG NAME=...` before the first FROM; deploy/images.sh passes others), leaving out the file's own stages.</summary>
    public IReadOnlyList<string> BaseImages =>
        [.. Instructions.Where(i => i.Keyword == "FROM").Select(i => ArgumentReference().Replace(i.Arguments.Split(' ')[0],
            m => GlobalArguments.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value)).Where(image => !StageNames.Contains(image))];

    /// <summary>The names given with `FROM ... AS name`.</summary>
    public IReadOnlySet<string> StageNames =>
        Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ')).Where(a => a.Length == 3).Select(a => a[2]).ToHashSet();

    /// <summary>The ARGs before the first FROM, with their defaults.</summary>
    public IReadOnlyDictionary<string, string> GlobalArguments =>
        Instructions.TakeWhile(i => i.Keyword != "FROM").Where(i => i.Keyword == "ARG").Select(i => i.Arguments.Split('=', 2))
            .ToDictionary(a => a[0], a => a.Length > 1 ? a[1] : "");

    /// <summary>The instructions of the last stage: what the image runs with.</summary>
    public IReadOnlyList<Instruction> FinalStage =>
        [.. Instructions.Skip(Instructions.Select((i, index) => (i, index)).Last(x => x.i.Keyword == "FROM").index)];

    public IEnumerable<string> Arguments(string keyword, IEnumerable<Instruction>? within = null) =>
        (within ?? Instructions).Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    /// <summary>The ENV settings of the final stage (KEY=value pairs).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        Arguments("ENV", FinalStage).SelectMany(a => EnvPair().Matches(a))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);

    /// <summary>The port of a Kestrel endpoint URL set in the final stage ("http://+:5101").</summary>
    public int? KestrelPort(string endpoint) =>
        Environment.TryGetValue($"Kestrel__Endpoints__{endpoint}__Url", out var url) ? new Uri(url.Replace("+", "0.0.0.0", StringComparison.Ordinal)).Port : null;

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex ArgumentReference();

    [GeneratedRegex("(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\"[^\"]*\"|[^ ]*)")]
    private static partial Regex EnvPair();
}
