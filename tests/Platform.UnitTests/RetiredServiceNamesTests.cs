using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.Access.V1;
using Platform.Api.Security;
using Platform.Api.Versions;
using Platform.Testing;

namespace Platform.UnitTests;

/// <summary>
/// Platform.Contracts 2.0.0 dropped the per-body copies of the shared services; the services still answer their names
/// (RetiredServiceNames) with the shared implementation. That keeps apps on 1.x working only while, for every service
/// 1.x released and 2.x no longer declares, the shared service takes and returns messages of the same wire and JSON
/// form, under the same access rules, on the same JSON paths. The released 1.x image (contracts/released/1.x.binpb)
/// is the judge.
/// </summary>
public sealed class RetiredServiceNamesTests
{
    private static readonly IReadOnlyList<FileDescriptor> Released = LoadReleased();

    private static IReadOnlyList<FileDescriptor> LoadReleased()
    {
        var image = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "contracts", "released", "1.x.binpb"));
        var set = FileDescriptorSet.Parser.ParseFrom(image);
        // buf writes an image's files dependencies first, as building them needs.
        return FileDescriptor.BuildFromByteStrings(set.File.Select(f => f.ToByteString()),
            new ExtensionRegistry { AccessExtensions.Rule, AnnotationsExtensions.Http });
    }

    private static IEnumerable<ServiceDescriptor> ReleasedServices =>
        Released.Where(f => f.Package.StartsWith("platform.", StringComparison.Ordinal)).SelectMany(f => f.Services);

    public static TheoryData<string> RetiredNames => new(RetiredServiceNames.Shared.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_service_released_in_1_x_is_still_declared_or_answered_under_a_retired_name()
    {
        var declared = AccessRules.ByPath.Values.Select(r => r.Method.Service.FullName).ToHashSet();
        var gone = ReleasedServices.Select(s => s.FullName).Where(name => !declared.Contains(name)).Order(StringComparer.Ordinal);

        Assert.Equal(RetiredServiceNames.Shared.Keys.Order(StringComparer.Ordinal), gone);
    }

    [Theory]
    [MemberData(nameof(RetiredNames))]
    public void A_retired_name_answers_every_released_method_as_it_was_released(string name)
    {
        var released = ReleasedServices.Single(s => s.FullName == name);
        var shared = RetiredServiceNames.Shared[name];
        // "platform.homeaffairs.v1" → "home-affairs": the body's segment in its JSON paths.
        var body = Platform.Contracts.Routing.BodyRouting.Bodies.Single(b => b.Replace("-", "") == released.File.Package.Split('.')[1]);

        foreach (var method in released.Methods)
        {
            var now = shared.FindMethodByName(method.Name);
            Assert.True(now is not null, $"{name}.{method.Name} was released; {shared.FullName} has no such method");
            Assert.Empty(Incompatibilities(method.InputType, now.InputType));
            Assert.Empty(Incompatibilities(method.OutputType, now.OutputType));
            Assert.Equal(method.GetOptions()?.GetExtension(AccessExtensions.Rule), now.GetOptions()?.GetExtension(AccessExtensions.Rule));
            // The shared routes leave the body open ("/api/*/v1/…"), so they answer the released paths.
            Assert.Equal(Route(method), Route(now).Replace("/api/*/", $"/api/{body}/"));
        }
    }

    /// <summary>The method's JSON route; empty for gRPC-only methods (the operations).</summary>
    private static string Route(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule ? JsonFormatter.Default.Format(rule) : "";

    [Fact]
    public void A_changed_message_is_told_apart()
    {
        // The check above can fail: another message's fields do not read as the conference's.
        var conference = Released.SelectMany(f => f.MessageTypes).Single(m => m.FullName == "platform.jointplanning.v1.Conference");
        Assert.Empty(Incompatibilities(conference, Platform.JointPlanning.V1.Conference.Descriptor));
        Assert.NotEmpty(Incompatibilities(conference, Platform.JointPlanning.V1.Participation.Descriptor));
    }

    /// <summary>
    /// What of <paramref name="released"/> <paramref name="now"/> would read or write otherwise: each released field keeps
    /// its number, JSON name, type and cardinality, each released enum value its number, into the platform's own nested
    /// messages. Fields and values added since are compatible.
    /// </summary>
    private static List<string> Incompatibilities(MessageDescriptor released, MessageDescriptor now, string path = "")
    {
        var found = new List<string>();
        foreach (var field in released.Fields.InFieldNumberOrder())
        {
            var at = $"{path}{released.Name}.{field.Name}";
            var mine = now.FindFieldByNumber(field.FieldNumber);
            if (mine is null || mine.JsonName != field.JsonName || mine.FieldType != field.FieldType || mine.IsRepeated != field.IsRepeated)
            {
                found.Add($"{at} (#{field.FieldNumber})");
            }
            else if (field.FieldType == FieldType.Message && field.MessageType.FullName.StartsWith("platform.", StringComparison.Ordinal))
            {
                if (released != field.MessageType) // a message holding itself is compared once
                {
                    found.AddRange(Incompatibilities(field.MessageType, mine.MessageType, at + "/"));
                }
            }
            else if (field.FieldType == FieldType.Message && field.MessageType.FullName != mine.MessageType.FullName)
            {
                found.Add($"{at}: {mine.MessageType.FullName}, released {field.MessageType.FullName}");
            }
            else if (field.FieldType == FieldType.Enum)
            {
                found.AddRange(field.EnumType.Values.Where(v => mine.EnumType.FindValueByNumber(v.Number)?.Name != v.Name).Select(v => $"{at}={v.Name}"));
            }
        }
        return found;
    }
}
