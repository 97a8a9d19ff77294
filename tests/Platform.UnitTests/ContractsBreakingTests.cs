using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.UnitTests;

/// <summary>
/// The published APIs stay compatible with their releases (contracts/released/, see its README): the contracts make no
/// breaking change to the current package's (`buf breaking`, FILE rules, against 2.x), and every message of 1.x keeps
/// its wire and JSON form (WIRE_JSON rules against 1.x), for the apps still on 1.x, whose retired service names the
/// services still answer (RetiredServiceNamesTests).
/// </summary>
public sealed class ContractsBreakingTests
{
    private static readonly string Contracts = Path.Combine(RepositoryPaths.Root, "contracts");
    private static readonly string Buf = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "buf");

    /// <summary>buf.yaml's modules with the wire and JSON rules alone: what a caller of 1.x sends and reads.</summary>
    private const string WireAndJsonRules =
        """{"version":"v2","modules":[{"path":"protos"},{"path":"third_party"}],"breaking":{"use":["WIRE_JSON"],"ignore":["third_party"]}}""";

    [Fact]
    public async Task The_contracts_make_no_breaking_change_to_the_released_2_x()
    {
        Assert.True(File.Exists(Buf), "buf is missing: run scripts/install.sh (npm ci)");

        // Throws with buf's findings if it exits non-zero.
        await BreakingAsync(Contracts);
    }

    [Fact]
    public async Task The_messages_of_the_released_1_x_keep_their_wire_and_JSON_form()
    {
        await BreakingAsync(Contracts, "1.x.binpb", WireAndJsonRules);
    }

    [Fact]
    public async Task A_renumbered_field_is_reported_as_breaking()
    {
        var copy = Directory.CreateTempSubdirectory("contracts-").FullName;
        try
        {
            CopyFolder(Contracts, copy, skip: "Platform.Contracts");
            var proto = Path.Combine(copy, "protos", "platform", "homeaffairs", "v1", "administrative_units.proto");
            var original = await File.ReadAllTextAsync(proto);
            // The `name` field of the first message that has one, moved from its number to 900.
            var field = new Regex(@"^(\s+string name = )(\d+);", RegexOptions.Multiline).Match(original);
            Assert.True(field.Success, "administrative_units.proto has no `string name = N;` field to renumber");
            await File.WriteAllTextAsync(proto, original.Remove(field.Groups[2].Index, field.Groups[2].Length).Insert(field.Groups[2].Index, "900"));

            var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => BreakingAsync(copy));
            var wireFailure = await Assert.ThrowsAsync<InvalidOperationException>(() => BreakingAsync(copy, "1.x.binpb", WireAndJsonRules));

            Assert.All(new[] { failure, wireFailure }, f =>
            {
                Assert.Contains("exited with 100", f.Message); // buf's exit code for findings
                Assert.Contains($"field \"{field.Groups[2].Value}\" with name \"name\"", f.Message);
            });
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static Task<string> BreakingAsync(string contracts, string release = "2.x.binpb", string? config = null) =>
        Shell.RunAsync(Buf, ["breaking", "protos", "--against", Path.Combine("released", release), .. config is null ? [] : new[] { "--config", config }],
            workingDirectory: contracts);

    private static void CopyFolder(string from, string to, string skip)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith(skip + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
