using System.Text.RegularExpressions;

namespace Platform.DeploymentTests.Support;

/// <summary>A Dockerfile as its instructions (continuation lines joined, comments dropped), split into stages.</summary>
public sealed partial class Dockerfile
{
    public sealed record Instruction(string Keyword, string Arguments);

    /// <summary>The instructions in which the builder puts build arguments' values (RUN: its shell, from the
    /// environment the ARGs make). ENTRYPOINT, CMD and HEALTHCHECK run in the container: they see its environment.</summary>
    private static readonly HashSet<string> BuildTimeInstructions = ["ADD", "COPY", "ENV", "EXPOSE", "LABEL", "RUN", "USER", "VOLUME", "WORKDIR"];

    public string Path { get; }
    public IReadOnlyList<Instruction> Instructions { get; }

    /// <summary>The Dockerfile of a process, as built with its build arguments.</summary>
    public static Dockerfile Of(PlatformProcess process) => new(process.Dockerfile, process.BuildArguments);

    /// <summary>The file as written; with build arguments, each one's value stands for `${NAME}` (or `$NAME`) in
    /// the stages that declare it (`ARG NAME`), as the builder puts it there. A stage that does not declare it keeps
    /// the reference, which then fails whatever reads it.</summary>
    public Dockerfile(string relativePath, IReadOnlyDictionary<string, string>? buildArguments = null)
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
        Instructions = buildArguments is null ? instructions : WithValues(instructions, buildArguments);
    }

    private static List<Instruction> WithValues(List<Instruction> instructions, IReadOnlyDictionary<string, string> buildArguments)
    {
        var declared = new Dictionary<string, string>();
        var result = new List<Instruction>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                declared.Clear();
            }
            else if (instruction.Keyword == "ARG" && buildArguments.TryGetValue(instruction.Arguments.Split('=')[0], out var value))
            {
                declared[instruction.Arguments.Split('=')[0]] = value;
            }
            result.Add(BuildTimeInstructions.Contains(instruction.Keyword)
                ? instruction with { Arguments = Substituted(instruction.Arguments, declared) }
                : instruction);
        }
        return result;
    }

    /// <summary>A command the container runs (ENTRYPOINT, HEALTHCHECK) with the final stage's environment put in for
    /// `$NAME` and `${NAME}`, as its shell does.</summary>
    public string AtRunTime(string command) => Substituted(command, Environment);

    private static string Substituted(string text, IReadOnlyDictionary<string, string> values) =>
        VariableReference().Replace(text, m => values.TryGetValue(m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["bare"].Value,
            out var value) ? value : m.Value);

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

    [GeneratedRegex(@"\$(\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)\}|(?<bare>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex VariableReference();

    [GeneratedRegex("(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\"[^\"]*\"|[^ ]*)")]
    private static partial Regex EnvPair();
}
