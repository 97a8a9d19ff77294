using System.Data.Common;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.DeploymentTests.Support;

namespace Platform.DeploymentTests;

/// <summary>
/// Every overlay of k8s/ rendered with `kubectl kustomize` (no cluster), validated against the schemas, and checked
/// for what a schema cannot see: that the objects refer to each other, to the images and to the ports correctly.
/// </summary>
public sealed class KubernetesManifestTests
{
    /// <summary>Made in every namespace by Kubernetes itself.</summary>
    private const string ClusterProvidedConfigMap = "kube-root-ca.crt";

    public static TheoryData<string> Overlays() => [.. RenderedOverlay.Names];

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_rendered_object_validates_against_the_Kubernetes_and_operator_schemas(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        Assert.Empty(rendered.Problems);
        Assert.Equal(PlatformProcess.Servers.Count, rendered.OfKind("Deployment").Count());
        Assert.All(rendered.Objects.Where(o => (string?)o["kind"] != "Namespace"),
            o => Assert.Equal("joint-planning", o["metadata"]!["namespace"]?.ToString()));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_ConfigMap_Secret_and_ServiceAccount_a_pod_names_exists(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        // No Secret is committed: the pods use what the operators generate, or what k8s/README.md tells ops to make.
        Assert.Empty(rendered.OfKind("Secret"));
        var secretKeys = OperatorSecrets(rendered);

        foreach (var pod in rendered.PodTemplates)
        {
            Assert.NotNull(rendered.Find("ServiceAccount", pod.Spec["serviceAccountName"]!.ToString()));
            foreach (var container in pod.AllContainers)
            {
                foreach (var source in container["envFrom"]?.AsArray() ?? [])
                {
                    Assert.NotNull(rendered.Find("ConfigMap", source!["configMapRef"]!["name"]!.ToString()));
                }
                foreach (var variable in container["env"]?.AsArray() ?? [])
                {
                    if (variable!["valueFrom"]?["secretKeyRef"] is { } secret)
                    {
                        Assert.Contains(secret["key"]!.ToString(), secretKeys.GetValueOrDefault(secret["name"]!.ToString(), []));
                    }
                    if (variable["valueFrom"]?["configMapKeyRef"] is { } configMap)
                    {
                        Assert.Contains(configMap["key"]!.ToString(), rendered.ConfigMapData(configMap["name"]!.ToString()).Keys);
                    }
                }
            }
            foreach (var volume in pod.Spec["volumes"]?.AsArray() ?? [])
            {
                if (volume!["secret"] is { } secret)
                {
                    var keys = secretKeys.GetValueOrDefault(secret["secretName"]!.ToString(), []);
                    Assert.All(secret["items"]!.AsArray(), item => Assert.Contains(item!["key"]!.ToString(), keys));
                }
                foreach (var source in volume["projected"]?["sources"]?.AsArray() ?? [])
                {
                    if (source!["configMap"]?["name"]?.ToString() is { } name && name != ClusterProvidedConfigMap)
                    {
                        Assert.NotNull(rendered.Find("ConfigMap", name));
                    }
                }
            }
        }

        // The Secrets made outside the manifests are documented for ops.
        var readme = Repository.Read("k8s/README.md");
        foreach (var ingress in rendered.OfKind("Ingress"))
        {
            Assert.All(ingress["spec"]!["tls"]!.AsArray(), tls => Assert.Contains($"`{tls!["secretName"]}`", readme, StringComparison.Ordinal));
        }
        Assert.All(ManagedRoles(rendered), role => Assert.Contains($"`{role["passwordSecret"]!["name"]}`", readme, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_Service_selects_one_workload_and_targets_ports_it_serves(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        foreach (var service in rendered.OfKind("Service"))
        {
            var selector = service["spec"]!["selector"];
            var pod = Assert.Single(rendered.PodTemplates, p => p.Kind == "Deployment" && RenderedOverlay.Selects(selector, p.Labels));
            var containerPorts = pod.Containers.SelectMany(c => c["ports"]!.AsArray()).ToList();
            foreach (var port in service["spec"]!["ports"]!.AsArray())
            {
                var target = port!["targetPort"]!.ToString();
                var served = Assert.Single(containerPorts, p => p!["name"]!.ToString() == target || p["containerPort"]!.ToString() == target);
                // A headless Service hands out pod addresses: clients use its port number on the pod itself.
                Assert.Equal(served!["containerPort"]!.ToString(), port["port"]!.ToString());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Servers_listen_on_the_README_ports_and_their_probes_point_at_them(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        foreach (var process in PlatformProcess.Servers)
        {
            var container = rendered.Workload("Deployment", process.Name).Containers.Single();
            var ports = container["ports"]!.AsArray().ToDictionary(p => p!["name"]!.ToString(), p => (int)p!["containerPort"]!);
            var settings = EnvironmentOf(rendered, container);
            if (process == PlatformProcess.Screens)
            {
                // HTTP/1.1 only (the pages the gateway passes on); probes as the gateway's.
                Assert.Equal(ReadmePorts.Screens(), Assert.Single(ports).Value);
                Assert.Equal(ports["http"], new Uri(settings["Kestrel__Endpoints__Http__Url"].Replace('+', '0')).Port);
                Assert.Equal(Dockerfile.Of(process).KestrelPort("Http"), ports["http"]);
                foreach (var (probe, path) in new[] { ("startupProbe", "/healthz/live"), ("livenessProbe", "/healthz/live"), ("readinessProbe", "/healthz") })
                {
                    Assert.Equal(path, container[probe]!["httpGet"]!["path"]!.ToString());
                    Assert.Equal("http", container[probe]!["httpGet"]!["port"]!.ToString());
                }
                continue;
            }
            // What the process listens on (its Kestrel endpoints) is what the pod declares and the README says.
            Assert.Equal(ports["grpc"], new Uri(settings["Kestrel__Endpoints__Grpc__Url"].Replace('+', '0')).Port);
            Assert.Equal(ports["http"], new Uri(settings["Kestrel__Endpoints__Http__Url"].Replace('+', '0')).Port);
            Assert.Equal(Dockerfile.Of(process).KestrelPort("Grpc"), ports["grpc"]);
            Assert.Equal(Dockerfile.Of(process).KestrelPort("Http"), ports["http"]);

            if (process.IsService)
            {
                Assert.Equal(ReadmePorts.Service(process), (ports["grpc"], ports["http"]));
                // Ready: the gRPC health service on the h2c port. Alive: the process answers (a database outage
                // must not restart it).
                Assert.Equal(ports["grpc"], (int)container["readinessProbe"]!["grpc"]!["port"]!);
                Assert.Equal("/health/live", container["livenessProbe"]!["httpGet"]!["path"]!.ToString());
                Assert.Equal("http", container["livenessProbe"]!["httpGet"]!["port"]!.ToString());
                Assert.Equal("http", container["startupProbe"]!["httpGet"]!["port"]!.ToString());
            }
            else
            {
                Assert.Equal(ReadmePorts.Gateway(), (ports["http"], ports["grpc"]));
                // Ready: /healthz (every check; unready once stopping). Alive: /healthz/live, the process answers.
                foreach (var (probe, path) in new[] { ("startupProbe", "/healthz/live"), ("livenessProbe", "/healthz/live"), ("readinessProbe", "/healthz") })
                {
                    Assert.Equal(path, container[probe]!["httpGet"]!["path"]!.ToString());
                    Assert.Equal("http", container[probe]!["httpGet"]!["port"]!.ToString());
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Images_are_the_Dockerfiles_images_and_every_image_is_pinned(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var platformTags = new HashSet<string>();

        foreach (var pod in rendered.PodTemplates)
        {
            var process = pod.Process;
            Assert.True(process is not null && File.Exists(Repository.PathOf(process.Dockerfile)), $"{pod} runs no image built here");
            Assert.Equal(process!.Name, pod.Labels["app.kubernetes.io/name"]);
            foreach (var container in pod.AllContainers)
            {
                var image = container["image"]!.ToString();
                var tag = image[(image.LastIndexOf(':') + 1)..];
                Assert.Matches(@"^v?[0-9]+\.[0-9]+", tag);
                if (PlatformProcess.All.Any(p => image.Split(':')[0].EndsWith(p.Image, StringComparison.Ordinal)))
                {
                    platformTags.Add(tag);
                }
            }
        }
        // One release: every platform image of the overlay has the same tag.
        Assert.Single(platformTags);
        Assert.All(rendered.OfKind("Cluster"), c => Assert.Matches(":[0-9]+\\.[0-9]+$", c["spec"]!["imageName"]!.ToString()));
        Assert.All(rendered.OfKind("RabbitmqCluster"), c => Assert.Matches(":[0-9]+\\.[0-9]+\\.[0-9]+", c["spec"]!["image"]!.ToString()));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_environment_variable_is_one_the_process_reads(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        foreach (var pod in rendered.PodTemplates)
        {
            var container = pod.Containers.Single();
            var keys = ConfigurationKeys.Of(pod.Process!);
            var explicitVariables = container["env"]?.AsArray().Select(e => e!.AsObject()).ToList() ?? [];
            foreach (var variable in EnvironmentOf(rendered, container).Keys)
            {
                // A variable only there to be spliced into another, $(DATABASE_PASSWORD), is not configuration.
                var spliced = explicitVariables.Any(e => e["value"]?.ToString().Contains($"$({variable})", StringComparison.Ordinal) == true);
                Assert.True(keys.Reads(variable) || spliced, $"{pod}: {pod.Process!.ProjectFile} reads no {variable}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Each_service_uses_its_own_database_and_the_broker_the_operators_run(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var broker = RenderedOverlay.NameOf(Assert.Single(rendered.OfKind("RabbitmqCluster")));

        foreach (var service in PlatformProcess.Services)
        {
            var cluster = rendered.Get("Cluster", $"{service.Name}-db");
            Assert.Equal(service.Database, cluster["spec"]!["bootstrap"]!["initdb"]!["database"]!.ToString());
            // Its pods connect as a role the Cluster manages, with data access only (the migration Job grants it);
            // the Job alone also connects as the owner CloudNativePG made the database for (its <cluster>-app Secret).
            var role = Assert.Single(ManagedRoles(rendered, cluster));
            Assert.Equal(["true", "false", "false", "false", "false", "false"],
                new[] { "login", "superuser", "createdb", "createrole", "replication", "bypassrls" }.Select(a => role[a]!.ToString().ToLowerInvariant()));
            Assert.NotEqual(cluster["spec"]!["bootstrap"]!["initdb"]!["owner"]!.ToString(), role["name"]!.ToString());
            var serviceSecret = role["passwordSecret"]!["name"]!.ToString();
            foreach (var pod in new[] { rendered.Workload("Deployment", service.Name), rendered.Workload("Job", $"{service.Name}-migrate") })
            {
                var variables = pod.Containers.Single()["env"]!.AsArray().ToDictionary(e => e!["name"]!.ToString(), e => e!.AsObject());
                var connections = new Dictionary<string, string> { ["ConnectionStrings__Database"] = "DATABASE" };
                if (pod.Kind == "Job")
                {
                    connections["ConnectionStrings__Migrations"] = "DATABASE_OWNER";
                }
                else
                {
                    Assert.DoesNotContain(variables.Values, v => v["valueFrom"]?["secretKeyRef"]?["name"]?.ToString() == $"{service.Name}-db-app");
                }
                foreach (var (name, credentials) in connections)
                {
                    var database = new DbConnectionStringBuilder { ConnectionString = variables[name]["value"]!.ToString() };
                    Assert.Equal($"{service.Name}-db-rw", database["Host"]);
                    Assert.Equal(service.Database, database["Database"]);
                    Assert.Equal("VerifyFull", database["SSL Mode"]);
                    Assert.Equal($"$({credentials}_USERNAME)", database["Username"]);
                    Assert.Equal($"$({credentials}_PASSWORD)", database["Password"]);
                    var secret = name == "ConnectionStrings__Database" ? serviceSecret : $"{service.Name}-db-app";
                    Assert.Equal(secret, variables[$"{credentials}_USERNAME"]["valueFrom"]!["secretKeyRef"]!["name"]!.ToString());
                    Assert.Equal(secret, variables[$"{credentials}_PASSWORD"]["valueFrom"]!["secretKeyRef"]!["name"]!.ToString());
                }
                Assert.StartsWith($"amqp://$(BROKER_USERNAME):$(BROKER_PASSWORD)@{broker}:5672/",
                    variables["ConnectionStrings__RabbitMq"]["value"]!.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_service_migrates_before_any_service_pod_starts(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var jobs = PlatformProcess.Services.Select(s => $"job/{s.Name}-migrate").ToList();

        foreach (var service in PlatformProcess.Services)
        {
            var server = rendered.Workload("Deployment", service.Name);
            var migrate = rendered.Workload("Job", $"{service.Name}-migrate");
            var (serverContainer, migrateContainer) = (server.Containers.Single(), migrate.Containers.Single());
            Assert.Equal(["migrate"], migrateContainer["args"]!.AsArray().Select(a => a!.ToString()));
            Assert.Equal(serverContainer["image"]!.ToString(), migrateContainer["image"]!.ToString());
            // The same configuration as the service it prepares, and the owner's connection, which the service lacks.
            var migrateEnvironment = migrateContainer["env"]!.AsArray()
                .Where(e => e!["name"]!.ToString() is not ("ConnectionStrings__Migrations" or "DATABASE_OWNER_USERNAME" or "DATABASE_OWNER_PASSWORD"));
            Assert.Equal(3, migrateContainer["env"]!.AsArray().Count - migrateEnvironment.Count());
            Assert.True(JsonNode.DeepEquals(serverContainer["env"], new JsonArray([.. migrateEnvironment.Select(e => e!.DeepClone())])), $"{migrate} and {server} differ in env");
            Assert.True(JsonNode.DeepEquals(serverContainer["envFrom"], migrateContainer["envFrom"]), $"{migrate} and {server} differ in envFrom");
            Assert.Equal(server.Spec["serviceAccountName"]!.ToString(), migrate.Spec["serviceAccountName"]!.ToString());

            // Its pods wait for every service's migration (queues before events), allowed to read Jobs and no more.
            var wait = Assert.Single(server.InitContainers);
            var arguments = wait["args"]!.AsArray().Select(a => a!.ToString()).ToList();
            Assert.Equal(["wait", "--for=condition=complete"], arguments.Take(2));
            Assert.Equal(jobs.Order(), arguments.Where(a => a.StartsWith("job/", StringComparison.Ordinal)).Order());
            Assert.All(jobs, job => Assert.NotNull(rendered.Find("Job", job["job/".Length..])));
            var binding = Assert.Single(rendered.OfKind("RoleBinding"), b =>
                b["subjects"]!.AsArray().Any(s => s!["name"]!.ToString() == service.Name && s["kind"]!.ToString() == "ServiceAccount"));
            var role = rendered.Get("Role", binding["roleRef"]!["name"]!.ToString());
            var rule = Assert.Single(role["rules"]!.AsArray());
            Assert.Equal(["jobs"], rule!["resources"]!.AsArray().Select(r => r!.ToString()));
            Assert.Equal(["get", "list", "watch"], rule["verbs"]!.AsArray().Select(r => r!.ToString()));
            // The token reaches the init container alone.
            Assert.Equal("false", server.Spec["automountServiceAccountToken"]!.ToString());
            Assert.Contains(wait["volumeMounts"]!.AsArray(), m => m!["mountPath"]!.ToString() == "/var/run/secrets/kubernetes.io/serviceaccount");
            Assert.DoesNotContain(serverContainer["volumeMounts"]!.AsArray(), m => m!["mountPath"]!.ToString().StartsWith("/var/run/secrets", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_runs_non_root_read_only_without_privileges_and_with_resources(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        foreach (var pod in rendered.PodTemplates)
        {
            var security = pod.Spec["securityContext"]!;
            Assert.Equal("true", security["runAsNonRoot"]!.ToString());
            Assert.Equal("1654", security["runAsUser"]!.ToString()); // the .NET images' app user ($APP_UID)
            Assert.Equal("RuntimeDefault", security["seccompProfile"]!["type"]!.ToString());
            Assert.Equal("false", pod.Spec["automountServiceAccountToken"]!.ToString());
            foreach (var container in pod.AllContainers)
            {
                var context = container["securityContext"]!;
                Assert.Equal("false", context["allowPrivilegeEscalation"]!.ToString());
                Assert.Equal("true", context["readOnlyRootFilesystem"]!.ToString());
                Assert.Equal(["ALL"], context["capabilities"]!["drop"]!.AsArray().Select(c => c!.ToString()));
                Assert.NotNull(container["resources"]!["requests"]!["cpu"]);
                Assert.NotNull(container["resources"]!["requests"]!["memory"]);
                Assert.NotNull(container["resources"]!["limits"]!["memory"]);
                // The one writable place, /tmp, is an emptyDir.
                var tmp = container["volumeMounts"]!.AsArray().Single(m => m!["mountPath"]!.ToString() == "/tmp")!["name"]!.ToString();
                Assert.NotNull(pod.Spec["volumes"]!.AsArray().Single(v => v!["name"]!.ToString() == tmp)!["emptyDir"]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_server_has_a_disruption_budget_and_spreads_over_nodes_and_zones(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        foreach (var process in PlatformProcess.Servers)
        {
            var pod = rendered.Workload("Deployment", process.Name);
            var budget = Assert.Single(rendered.OfKind("PodDisruptionBudget"), b => RenderedOverlay.Selects(b["spec"]!["selector"], pod.Labels));
            Assert.Equal("1", budget["spec"]!["maxUnavailable"]!.ToString());
            var antiAffinity = pod.Spec["affinity"]!["podAntiAffinity"]!["preferredDuringSchedulingIgnoredDuringExecution"]!.AsArray().Single()!["podAffinityTerm"]!;
            Assert.Equal("kubernetes.io/hostname", antiAffinity["topologyKey"]!.ToString());
            Assert.True(RenderedOverlay.Selects(antiAffinity["labelSelector"], pod.Labels));
            var spread = pod.Spec["topologySpreadConstraints"]!.AsArray().Single()!;
            Assert.Equal("topology.kubernetes.io/zone", spread["topologyKey"]!.ToString());
            Assert.True(RenderedOverlay.Selects(spread["labelSelector"], pod.Labels));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Only_the_gateway_and_the_screens_reach_the_services_and_only_on_their_gRPC_port(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var gateway = rendered.Workload("Deployment", "gateway").Labels;
        var screens = rendered.Workload("Deployment", "screens").Labels;

        foreach (var service in PlatformProcess.Services)
        {
            var pod = rendered.Workload("Deployment", service.Name);
            var policies = PoliciesFor(rendered, pod.Labels).ToList();
            // Denied by default in both directions...
            Assert.Contains(policies, p => p["spec"]!["policyTypes"]!.AsArray().Select(t => t!.ToString()).Order().SequenceEqual(["Egress", "Ingress"]));
            // ...and let in from the gateway's and the screens' pods alone (and Prometheus to /metrics on the HTTP port).
            var ingress = policies.SelectMany(p => p["spec"]!["ingress"]?.AsArray() ?? []).ToList();
            Assert.NotEmpty(ingress);
            foreach (var rule in ingress)
            {
                if (IsPrometheusScrape(rule!))
                {
                    Assert.Equal([ReadmePorts.Service(service).Http], rule!["ports"]!.AsArray().Select(p => (int)p!["port"]!));
                    continue;
                }
                Assert.All(rule!["from"]!.AsArray(), peer =>
                {
                    Assert.Null(peer!["namespaceSelector"]);
                    Assert.Null(peer["ipBlock"]);
                    Assert.True(RenderedOverlay.Selects(peer["podSelector"], gateway) || RenderedOverlay.Selects(peer["podSelector"], screens),
                        $"{service}: a peer other than the gateway and the screens");
                });
                Assert.Equal([ReadmePorts.Service(service).Grpc], rule["ports"]!.AsArray().Select(p => (int)p!["port"]!));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_services_reach_only_their_own_database_the_broker_DNS_the_identity_provider_and_the_API_server(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var broker = RenderedOverlay.NameOf(rendered.OfKind("RabbitmqCluster").Single());

        foreach (var service in PlatformProcess.Services)
        {
            foreach (var pod in new[] { rendered.Workload("Deployment", service.Name), rendered.Workload("Job", $"{service.Name}-migrate") })
            {
                var egress = EgressOf(rendered, pod.Labels).ToList();
                Assert.NotEmpty(egress);
                foreach (var (peer, ports) in egress)
                {
                    var selector = peer["podSelector"]?["matchLabels"]?.AsObject();
                    var allowed = (selector?["cnpg.io/cluster"]?.ToString(), selector?["app.kubernetes.io/name"]?.ToString(), selector?["k8s-app"]?.ToString()) switch
                    {
                        (var db, null, null) when db == $"{service.Name}-db" && rendered.Find("Cluster", db) is not null => ports.SetEquals([5432]),
                        (null, var name, null) when name == broker => ports.SetEquals([5672]),
                        (null, null, "kube-dns") => ports.SetEquals([53]) && peer["namespaceSelector"] is not null,
                        // The identity provider's keys (HTTPS), and the API server for the init container that waits
                        // for the migration Jobs (the Jobs themselves need neither).
                        (null, null, null) when peer["ipBlock"] is not null && pod.Kind == "Deployment" => ports.IsSubsetOf([443, 6443]),
                        _ => false,
                    };
                    Assert.True(allowed, $"{pod} may reach {peer.ToJsonString()} on {string.Join(',', ports)}");
                }
            }

            // And its database lets in its own service's pods, not the others'.
            var database = rendered.Get("NetworkPolicy", $"{service.Name}-db");
            Assert.Equal($"{service.Name}-db", database["spec"]!["podSelector"]!["matchLabels"]!["cnpg.io/cluster"]!.ToString());
            foreach (var other in PlatformProcess.Servers)
            {
                var otherPod = rendered.Workload("Deployment", other.Name).Labels;
                var admitted = database["spec"]!["ingress"]!.AsArray().Any(r => r!["from"]!.AsArray().Any(p => p!["namespaceSelector"] is null && RenderedOverlay.Selects(p["podSelector"], otherPod)));
                Assert.Equal(other == service, admitted);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_reaches_only_the_services_gRPC_ports_the_screens_DNS_and_the_identity_provider(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var services = PlatformProcess.Services.ToDictionary(s => s, s => rendered.Workload("Deployment", s.Name).Labels);
        var screens = rendered.Workload("Deployment", "screens").Labels;

        foreach (var from in new[] { PlatformProcess.Gateway, PlatformProcess.Screens })
        {
            var egress = EgressOf(rendered, rendered.Workload("Deployment", from.Name).Labels).ToList();
            Assert.NotEmpty(egress);
            foreach (var (peer, ports) in egress)
            {
                var allowed = peer["podSelector"]?["matchLabels"]?["k8s-app"]?.ToString() == "kube-dns"
                    ? ports.SetEquals([53]) && peer["namespaceSelector"] is not null
                    : peer["ipBlock"] is not null
                        ? ports.SetEquals([443])
                        : services.Any(s => peer["namespaceSelector"] is null && RenderedOverlay.Selects(peer["podSelector"], s.Value) && ports.SetEquals([ReadmePorts.Service(s.Key).Grpc]))
                          // The gateway passes the pages on to the screens.
                          || (from == PlatformProcess.Gateway && peer["namespaceSelector"] is null && RenderedOverlay.Selects(peer["podSelector"], screens) && ports.SetEquals([ReadmePorts.Screens()]));
                Assert.True(allowed, $"the {from} may reach {peer.ToJsonString()} on {string.Join(',', ports)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task No_platform_pod_may_reach_anywhere_beyond_the_addresses_the_overlay_names(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);

        foreach (var pod in rendered.PodTemplates)
        {
            foreach (var rule in PoliciesFor(rendered, pod.Labels).SelectMany(p => p["spec"]!["egress"]?.AsArray() ?? []))
            {
                // A rule without `to` (or with an empty one) lets the pod reach every address on its ports.
                Assert.True(rule!["to"] is JsonArray { Count: > 0 }, $"{pod}: an egress rule to anywhere: {rule.ToJsonString()}");
                Assert.True(rule["ports"] is JsonArray { Count: > 0 }, $"{pod}: an egress rule on every port: {rule.ToJsonString()}");
            }
            foreach (var (peer, _) in EgressOf(rendered, pod.Labels).Where(e => e.Peer["ipBlock"] is not null))
            {
                // One machine or a small range of them (the identity provider, the API server), never the Internet.
                var cidr = peer["ipBlock"]!["cidr"]!.ToString();
                var network = System.Net.IPNetwork.Parse(cidr);
                Assert.True(network.PrefixLength >= (network.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 24 : 112),
                    $"{pod} may reach {cidr}");
            }
        }
        // The example addresses of base/ are the overlays' to replace.
        Assert.DoesNotContain(rendered.OfKind("NetworkPolicy").SelectMany(p => p["spec"]!["egress"]?.AsArray() ?? []).SelectMany(r => r!["to"]!.AsArray()),
            peer => peer!["ipBlock"]?["cidr"]?.ToString().StartsWith("192.0.2.", StringComparison.Ordinal) == true);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_NetworkPolicy_selects_pods_that_exist(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var operatorPods = rendered.OfKind("Cluster").Select(c => new Dictionary<string, string> { ["cnpg.io/cluster"] = RenderedOverlay.NameOf(c) })
            .Concat(rendered.OfKind("RabbitmqCluster").Select(r => new Dictionary<string, string> { ["app.kubernetes.io/name"] = RenderedOverlay.NameOf(r) }))
            .ToList();
        var pods = rendered.PodTemplates.Select(p => p.Labels).Concat(operatorPods).ToList();

        foreach (var policy in rendered.OfKind("NetworkPolicy"))
        {
            Assert.Contains(pods, labels => RenderedOverlay.Selects(policy["spec"]!["podSelector"], labels));
            var peers = (policy["spec"]!["ingress"]?.AsArray() ?? []).SelectMany(r => r!["from"]?.AsArray() ?? [])
                .Concat((policy["spec"]!["egress"]?.AsArray() ?? []).SelectMany(r => r!["to"]?.AsArray() ?? []));
            foreach (var peer in peers.Where(p => p!["podSelector"] is not null && p["namespaceSelector"] is null))
            {
                Assert.True(pods.Any(labels => RenderedOverlay.Selects(peer!["podSelector"], labels)), $"{RenderedOverlay.NameOf(policy)}: {peer!.ToJsonString()} selects no pod");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_calls_each_service_through_its_headless_Service(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var settings = EnvironmentOf(rendered, rendered.Workload("Deployment", "gateway").Containers.Single());

        foreach (var service in PlatformProcess.Services)
        {
            var address = new Uri(settings[$"ReverseProxy__Clusters__{service.Name}__Destinations__primary__Address"]);
            var target = rendered.Get("Service", address.Host);
            // Headless: DNS answers with every ready pod, so the gateway's HTTP/2 connections spread over them.
            Assert.Equal("None", target["spec"]!["clusterIP"]!.ToString());
            Assert.Contains(target["spec"]!["ports"]!.AsArray(), p => (int)p!["port"]! == address.Port && p["appProtocol"]?.ToString() == "kubernetes.io/h2c");
            Assert.True(RenderedOverlay.Selects(target["spec"]!["selector"], rendered.Workload("Deployment", service.Name).Labels));
            Assert.Equal("true", settings[$"ReverseProxy__Clusters__{service.Name}__HttpClient__EnableMultipleHttp2Connections"]);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_gateway_passes_the_pages_to_the_screens_each_gateway_pod_to_one_screens_pod(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var gateway = EnvironmentOf(rendered, rendered.Workload("Deployment", "gateway").Containers.Single());
        var screens = EnvironmentOf(rendered, rendered.Workload("Deployment", "screens").Containers.Single());

        var address = new Uri(gateway["ReverseProxy__Clusters__screens__Destinations__primary__Address"]);
        var target = rendered.Get("Service", address.Host);
        Assert.True(RenderedOverlay.Selects(target["spec"]!["selector"], rendered.Workload("Deployment", "screens").Labels));
        Assert.Contains(target["spec"]!["ports"]!.AsArray(), p => (int)p!["port"]! == address.Port);
        // A session's cookie is readable only by the screens pod that made it (keys in memory): the Ingress pins the
        // browser to a gateway pod, this the gateway pod to a screens pod.
        Assert.Equal("ClientIP", target["spec"]!["sessionAffinity"]!.ToString());
        // The screens call every replica of each service, as the gateway does, through its headless Service.
        foreach (var service in PlatformProcess.Services)
        {
            Assert.Equal(gateway[$"ReverseProxy__Clusters__{service.Name}__Destinations__primary__Address"],
                screens[$"Services__{service.Name}__Destinations__primary__Address"]);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_Ingress_serves_the_screens_and_gRPC_over_TLS_to_the_gateway(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var gateway = rendered.Get("Service", "gateway");
        var protocols = new List<string>();

        foreach (var ingress in rendered.OfKind("Ingress"))
        {
            var spec = ingress["spec"]!;
            var tlsHosts = spec["tls"]!.AsArray().SelectMany(t => t!["hosts"]!.AsArray().Select(h => h!.ToString())).ToHashSet();
            foreach (var rule in spec["rules"]!.AsArray())
            {
                Assert.Contains(rule!["host"]!.ToString(), tlsHosts);
                foreach (var path in rule["http"]!["paths"]!.AsArray())
                {
                    var backend = path!["backend"]!["service"]!;
                    Assert.Equal("gateway", backend["name"]!.ToString());
                    var port = Assert.Single(gateway["spec"]!["ports"]!.AsArray(), p => p!["name"]!.ToString() == backend["port"]!["name"]!.ToString());
                    var grpc = ingress["metadata"]!["annotations"]?["nginx.ingress.kubernetes.io/backend-protocol"]?.ToString() == "GRPC";
                    // gRPC goes to the gateway's h2c port, the screens to its HTTP/1.1 port.
                    Assert.Equal(grpc, port!["appProtocol"]?.ToString() == "kubernetes.io/h2c");
                    protocols.Add(grpc ? "grpc" : "http");
                }
            }
        }
        Assert.Equal(["grpc", "http"], protocols.Order());
        // The gateway is reached from the Ingress controller only (and Prometheus on its HTTP port for /metrics).
        var policy = rendered.Get("NetworkPolicy", "gateway");
        var scrape = Assert.Single(policy["spec"]!["ingress"]!.AsArray(), rule => IsPrometheusScrape(rule!))!;
        Assert.Equal([ReadmePorts.Gateway().Http], scrape["ports"]!.AsArray().Select(p => (int)p!["port"]!));
        var from = Assert.Single(policy["spec"]!["ingress"]!.AsArray(), rule => !IsPrometheusScrape(rule!))!["from"]!.AsArray().Single()!;
        Assert.Equal("ingress-nginx", from["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]!.ToString());
    }

    [Fact]
    public async Task Dev_runs_one_replica_of_everything()
    {
        var rendered = await RenderedOverlay.OfAsync("dev");

        Assert.Empty(rendered.OfKind("HorizontalPodAutoscaler"));
        Assert.All(rendered.OfKind("Deployment"), d => Assert.Equal(1, (int)d["spec"]!["replicas"]!));
        Assert.All(rendered.OfKind("Cluster"), c => Assert.Equal(1, (int)c["spec"]!["instances"]!));
        Assert.Equal(1, (int)rendered.OfKind("RabbitmqCluster").Single()["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task Prod_autoscales_the_servers_and_replicates_the_databases_and_the_broker()
    {
        var rendered = await RenderedOverlay.OfAsync("prod");

        foreach (var process in PlatformProcess.Servers)
        {
            var deployment = rendered.Get("Deployment", process.Name);
            // The autoscaler owns the replica count; a fixed one in the Deployment would fight it at every apply.
            Assert.Null(deployment["spec"]!["replicas"]);
            var autoscaler = Assert.Single(rendered.OfKind("HorizontalPodAutoscaler"), h => h["spec"]!["scaleTargetRef"]!["name"]!.ToString() == process.Name);
            Assert.Equal("Deployment", autoscaler["spec"]!["scaleTargetRef"]!["kind"]!.ToString());
            Assert.True((int)autoscaler["spec"]!["minReplicas"]! >= 3);
            Assert.True((int)autoscaler["spec"]!["maxReplicas"]! > (int)autoscaler["spec"]!["minReplicas"]!);
        }
        foreach (var cluster in rendered.OfKind("Cluster"))
        {
            Assert.Equal(3, (int)cluster["spec"]!["instances"]!);
            Assert.True((int)cluster["spec"]!["minSyncReplicas"]! >= 1); // a commit is on two machines before it is acknowledged
            Assert.Equal("required", cluster["spec"]!["affinity"]!["podAntiAffinityType"]!.ToString());
        }
        var broker = rendered.OfKind("RabbitmqCluster").Single();
        Assert.Equal(3, (int)broker["spec"]!["replicas"]!);
        Assert.NotNull(broker["spec"]!["affinity"]!["podAntiAffinity"]!["requiredDuringSchedulingIgnoredDuringExecution"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_platform_uses_quorum_queues_and_an_external_identity_provider(string overlay)
    {
        var rendered = await RenderedOverlay.OfAsync(overlay);
        var settings = rendered.GeneratedConfigMap("platform-settings");

        Assert.All(PlatformProcess.Services, s => Assert.Equal("true", rendered.GeneratedConfigMap($"{s.Name}-settings")["Messaging__QuorumQueues"]));
        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]); // the Development issuer never runs on Kubernetes
        Assert.StartsWith("https://", settings["Authentication__Authority"], StringComparison.Ordinal);
        Assert.True(ConfigurationKeys.Of(PlatformProcess.Organization).Reads("Messaging__QuorumQueues"));
    }

    /// <summary>The environment a container gets: its ConfigMaps' keys, then its own env (name -> value or "").</summary>
    private static Dictionary<string, string> EnvironmentOf(RenderedOverlay rendered, JsonObject container)
    {
        var environment = new Dictionary<string, string>();
        foreach (var source in container["envFrom"]?.AsArray() ?? [])
        {
            foreach (var (key, value) in rendered.ConfigMapData(source!["configMapRef"]!["name"]!.ToString()))
            {
                environment[key] = value;
            }
        }
        foreach (var variable in container["env"]?.AsArray() ?? [])
        {
            environment[variable!["name"]!.ToString()] = variable["value"]?.ToString() ?? "";
        }
        return environment;
    }

    /// <summary>The roles CloudNativePG manages (.spec.managed.roles) for one Cluster, or for all.</summary>
    private static IEnumerable<JsonObject> ManagedRoles(RenderedOverlay rendered, JsonObject? cluster = null) =>
        (cluster is null ? rendered.OfKind("Cluster") : [cluster])
            .SelectMany(c => c["spec"]!["managed"]?["roles"]?.AsArray() ?? [])
            .Select(r => r!.AsObject());

    /// <summary>Every peer a pod may send to, with the ports of its rule (each rule's every peer).</summary>
    private static IEnumerable<(JsonObject Peer, HashSet<int> Ports)> EgressOf(RenderedOverlay rendered, IReadOnlyDictionary<string, string> podLabels) =>
        from rule in PoliciesFor(rendered, podLabels).SelectMany(p => p["spec"]!["egress"]?.AsArray() ?? [])
        from peer in rule!["to"]?.AsArray() ?? [new JsonObject()]
        select (peer!.AsObject(), (rule["ports"]?.AsArray() ?? []).Select(p => (int)p!["port"]!).ToHashSet());

    private static IEnumerable<JsonObject> PoliciesFor(RenderedOverlay rendered, IReadOnlyDictionary<string, string> podLabels) =>
        rendered.OfKind("NetworkPolicy").Where(p => RenderedOverlay.Selects(p["spec"]!["podSelector"], podLabels));

    /// <summary>The Secrets the operators generate for the rendered custom resources, with their keys.</summary>
    private static Dictionary<string, string[]> OperatorSecrets(RenderedOverlay rendered)
    {
        var secrets = new Dictionary<string, string[]>();
        foreach (var cluster in rendered.OfKind("Cluster"))
        {
            // CloudNativePG: <cluster>-app for the owner role of the bootstrap database, <cluster>-ca for its CA.
            secrets[$"{RenderedOverlay.NameOf(cluster)}-app"] = ["username", "password", "host", "port", "dbname", "uri"];
            secrets[$"{RenderedOverlay.NameOf(cluster)}-ca"] = ["ca.crt"];
        }
        // The managed roles' Secrets are made by ops (k8s/README.md), of type kubernetes.io/basic-auth as CloudNativePG requires.
        foreach (var role in ManagedRoles(rendered))
        {
            secrets[role["passwordSecret"]!["name"]!.ToString()] = ["username", "password"];
        }
        foreach (var broker in rendered.OfKind("RabbitmqCluster"))
        {
            secrets[$"{RenderedOverlay.NameOf(broker)}-default-user"] = ["username", "password", "host", "port"];
        }
        return secrets;
    }

    /// <summary>An ingress rule letting in only the Prometheus namespace (README, "Observability").</summary>
    private static bool IsPrometheusScrape(JsonNode rule) =>
        rule["from"]!.AsArray().All(peer => peer!["namespaceSelector"]?["matchLabels"]?["kubernetes.io/metadata.name"]?.ToString() == "monitoring"
            && peer["podSelector"] is null);
}
