using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.Contracts.Routing;

/// <summary>
/// How a caller names the body it addresses on the services several bodies implement (platform.jointplanning.v1,
/// platform.operations.v1, platform.audit.v1, platform.referencedata.v1): one definition, a service per body behind the
/// gateway. Over gRPC the body travels in the <see cref="Header"/> metadata, which the gateway's routes match; over
/// JSON it is the path's segment after /api ("/api/home-affairs/v1/conferences/…"). A call straight to one service may
/// leave it out; a call that names another body than the service's own is refused (FailedPrecondition, reason
/// WRONG_BODY).
/// </summary>
/// <example><code>
/// var planning = new JointPlanningService.JointPlanningServiceClient(channel.ForBody(BodyRouting.HomeAffairs));
/// </code></example>
public static class BodyRouting
{
    /// <summary>The gRPC metadata key that names the addressed body.</summary>
    public const string Header = "platform-body";

    public const string Organization = "organization";
    public const string HomeAffairs = "home-affairs";
    public const string DelegateAffairs = "delegate-affairs";

    /// <summary>The three bodies, as the header and the JSON paths name them.</summary>
    public static IReadOnlyList<string> Bodies { get; } = [Organization, HomeAffairs, DelegateAffairs];

    /// <summary>
    /// The bodies whose services implement the shared service <paramref name="service"/> ("platform.jointplanning.v1.JointPlanningService"):
    /// all three, but for the copies of the administrative units, which only the bodies that keep a copy serve (Home
    /// Affairs owns the units: platform.homeaffairs.v1.AdministrativeUnitService).
    /// </summary>
    public static IReadOnlyList<string> Serving(string service) =>
        service == "platform.referencedata.v1.AdministrativeUnitCopyService" ? [Organization, DelegateAffairs] : Bodies;

    /// <summary>Calls through this channel address <paramref name="body"/>: every call carries the header.</summary>
    public static CallInvoker ForBody(this ChannelBase channel, string body) => channel.CreateCallInvoker().ForBody(body);

    /// <inheritdoc cref="ForBody(ChannelBase, string)"/>
    public static CallInvoker ForBody(this CallInvoker invoker, string body)
    {
        if (!Bodies.Contains(body))
        {
            throw new ArgumentOutOfRangeException(nameof(body), body, $"Not a body: one of {string.Join(", ", Bodies)}.");
        }
        return invoker.Intercept(metadata =>
        {
            metadata.Add(Header, body);
            return metadata;
        });
    }
}
