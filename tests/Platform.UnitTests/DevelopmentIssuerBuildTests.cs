using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Platform.Gateway.Extensions;
using Platform.Testing;

namespace Platform.UnitTests;

/// <summary>
/// When a gateway refuses to start for want of the development issuer (a build without it: DevelopmentIssuer=false).
/// These tests run on a Debug build, which has the issuer: the rule is a function of the build, so both builds are
/// tested here; Platform.DeploymentTests checks that a Release build really lacks it.
/// </summary>
public sealed class DevelopmentIssuerBuildTests
{
    [Fact]
    public void A_build_without_the_issuer_refuses_Development_that_expects_it_and_says_how_to_build_it()
    {
        var reason = GatewayDevelopmentIssuerExtensions.MissingIssuer(builtIn: false, Environment("Development"),
            Settings(("Identity:Issuer", "http://localhost:8080/")));

        Assert.NotNull(reason);
        Assert.Contains("http://localhost:8080/", reason, StringComparison.Ordinal);
        Assert.Contains("-p:DevelopmentIssuer=true", reason, StringComparison.Ordinal);
        Assert.Contains("DEVELOPMENT_ISSUER=true", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "Development", "http://localhost:8080/")] // the build has it: it hosts it
    [InlineData(false, "Production", "http://localhost:8080/")] // the issuer is never hosted outside Development
    [InlineData(false, "Development", "")] // Identity__Issuer emptied: an external issuer (Authentication:Authority)
    [InlineData(false, "Development", null)]
    public void Otherwise_the_gateway_starts(bool builtIn, string environment, string? issuer) =>
        Assert.Null(GatewayDevelopmentIssuerExtensions.MissingIssuer(builtIn, Environment(environment), Settings(("Identity:Issuer", issuer))));

    [Fact]
    public void A_Debug_build_has_the_issuer() =>
        // The default of Debug (Platform.Gateway.csproj): the system tests, the fault run and test.sh's bench smoke rely on it.
        Assert.True(RepositoryPaths.Configuration != "Debug" || GatewayDevelopmentIssuerExtensions.IsBuiltIn);

    private static IConfiguration Settings(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    private static IHostEnvironment Environment(string name) => new TestEnvironment { EnvironmentName = name };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public required string EnvironmentName { get; set; }
        public string ApplicationName { get; set; } = "Platform.Gateway";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
