using System.Text.Json.Nodes;
using Platform.DeploymentTests.Support;

namespace Platform.DeploymentTests;

/// <summary>The checks themselves catch what they are for (a check that passes everything proves nothing).</summary>
public sealed class CheckerTests
{
    [Fact]
    public void The_configuration_check_knows_what_each_process_reads_and_refuses_a_misspelt_name()
    {
        Assert.All(PlatformProcess.Servers, p => Assert.True(ConfigurationKeys.Of(p).Reads("Authentication__Authority")));
        Assert.False(ConfigurationKeys.Of(PlatformProcess.Organization).Reads("Authentication__Authorty"));
        Assert.True(ConfigurationKeys.Of(PlatformProcess.DelegateAffairs).Reads("Vetting__AnswerWithin"));
        Assert.False(ConfigurationKeys.Of(PlatformProcess.Organization).Reads("Vetting__AnswerWithin"));
        Assert.True(ConfigurationKeys.Of(PlatformProcess.Gateway).Reads("Identity__ScreensRedirectUris__3"));
        Assert.False(ConfigurationKeys.Of(PlatformProcess.HomeAffairs).Reads("Identity__Issuer"));
        Assert.True(ConfigurationKeys.Of(PlatformProcess.Gateway).Reads("ReverseProxy__Clusters__organization__Destinations__primary__Address"));
        Assert.True(ConfigurationKeys.Of(PlatformProcess.HomeAffairs).Reads("ConnectionStrings__RabbitMq"));
        Assert.False(ConfigurationKeys.Of(PlatformProcess.Gateway).Reads("Messaging__QuorumQueues"));
    }

    [Fact]
    public async Task The_schema_validation_refuses_wrong_types_unknown_operator_fields_and_unknown_kinds()
    {
        const string manifests = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: broken }
            spec:
              replicas: three
              selector: { matchLabels: { app: broken } }
              template:
                metadata: { labels: { app: broken } }
                spec: { containers: [{ name: broken, image: "broken:1.0" }] }
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: { name: broken-db }
            spec:
              instances: 3
              maxSyncReplicas: 3
              storage: { size: 1Gi }
              bootstrap: { initdb: { database: broken, owner: broken } }
              instancez: 3
            ---
            apiVersion: example.org/v1
            kind: Unknown
            metadata: { name: unknown }
            """;

        var result = JsonNode.Parse(await Tool.RunAsync("node", [Repository.ManifestValidator, "k8s"], manifests))!;
        var problems = result["problems"]!.AsArray().Select(p => p!.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith("Deployment/broken:", StringComparison.Ordinal) && p.Contains("replicas", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Cluster/broken-db:", StringComparison.Ordinal) && p.Contains("instancez", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Cluster/broken-db:", StringComparison.Ordinal) && p.Contains("maxSyncReplicas", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Unknown/unknown: no schema", StringComparison.Ordinal));
    }
}
