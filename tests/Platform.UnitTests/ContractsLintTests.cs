using Platform.Testing;

namespace Platform.UnitTests;

public sealed class ContractsLintTests
{
    private static string Buf
    {
        get
        {
            var buf = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "buf");
            Assert.True(File.Exists(buf), "buf is missing: run scripts/install.sh (npm ci)");
            return buf;
        }
    }

    private static string Contracts => Path.Combine(RepositoryPaths.Root, "contracts");

    [Fact]
    public async Task The_proto_contracts_pass_buf_lint()
    {
        // Throws with buf's findings if it exits non-zero.
        await Shell.RunAsync(Buf, ["lint"], workingDirectory: Contracts);
    }

    [Fact]
    public async Task The_proto_contracts_vendored_ones_included_are_as_buf_format_writes_them()
    {
        // Every module of contracts/buf.yaml, third_party/ too. Throws with the diff if a file differs:
        // `npx buf format -w contracts` fixes it.
        await Shell.RunAsync(Buf, ["format", "--diff", "--exit-code"], workingDirectory: Contracts);
    }
}
