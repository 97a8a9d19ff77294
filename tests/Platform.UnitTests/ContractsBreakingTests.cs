using System.Text.RegularExpressions;
using Platform.Testing;

namespace Platform.UnitTests;

/// <summary>
/// The published APIs stay compatible with their last release: `buf breaking` against the image of the
/// released v1 contracts (contracts/released/, see its README for cutting a new baseline).
/// </summary>
public sealed class ContractsBreakingTests
{
    private static readonly string Contracts = Path.Combine(RepositoryPaths.Root, "contracts");
    private static readonly string Buf = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "buf");

    [Fact]
    public async Task The_contracts_make_no_breaking_change_to_the_released_v1()
    {
        Assert.True(File.Exists(Buf), "buf is missing: run scripts/install.sh (npm ci)");

        // Throws with buf's findings if it exits non-zero.
        await BreakingAsync(Contracts);
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

            Assert.Contains("exited with 100", failure.Message); // buf's exit code for findings
            Assert.Contains($"field \"{field.Groups[2].Value}\" with name \"name\"", failure.Message);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static Task<string> BreakingAsync(string contracts) =>
        Shell.RunAsync(Buf, ["breaking", "protos", "--against", Path.Combine("released", "v1.binpb")], workingDirectory: contracts);

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
