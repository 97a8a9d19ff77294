using Platform.Testing;

namespace Platform.UnitTests;

public sealed class ContractsLintTests
{
    [Fact]
    public async Task The_proto_contracts_pass_buf_lint()
    {
        var buf = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "buf");
        Assert.True(File.Exists(buf), "buf is missing: run scripts/install.sh (npm ci)");

        // Throws with buf's findings if it exits non-zero.
        await Shell.RunAsync(buf, ["lint"], workingDirectory: Path.Combine(RepositoryPaths.Root, "contracts"));
    }
}
