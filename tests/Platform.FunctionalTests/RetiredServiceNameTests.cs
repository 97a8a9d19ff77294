using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.Api.Versions;
using Platform.Contracts.Routing;
using Platform.DelegateAffairs.Infrastructure;
using Platform.Organization.Infrastructure;
using Platform.Testing;

namespace Platform.FunctionalTests;

/// <summary>
/// Every retired per-body name of the shared services (RetiredServiceNames) is answered by the body's service, method
/// by method, as the shared name answers: an app still on Platform.Contracts 1.x gets what it got. The same empty
/// request goes to both names (refused alike where it is incomplete or the editor lacks the role; nothing is written).
/// </summary>
public abstract class RetiredServiceNameTests<TContext>(ServiceHost<TContext> host) where TContext : DbContext
{
    [Fact]
    public async Task Every_retired_name_of_the_body_answers_each_method_as_the_shared_name_does()
    {
        var package = $"platform.{host.Body.Replace("-", "")}.v1";
        var names = RetiredServiceNames.Of(package).ToList();
        Assert.NotEmpty(names);
        var retired = host.Channel.CreateCallInvoker();
        var shared = host.Channel.ForBody(host.Body);

        foreach (var name in names)
        {
            var service = RetiredServiceNames.Shared[name];
            foreach (var method in service.Methods)
            {
                var viaRetired = await StatusOfAsync(retired, name, method.Name);
                var viaShared = await StatusOfAsync(shared, service.FullName, method.Name);

                Assert.True(viaRetired != StatusCode.Unimplemented, $"{name}/{method.Name} is not answered");
                Assert.True(viaShared == viaRetired, $"{name}/{method.Name} answered {viaRetired}; {service.FullName}/{method.Name} {viaShared}");
            }
        }
    }

    private static async Task<StatusCode> StatusOfAsync(CallInvoker invoker, string service, string method)
    {
        try
        {
            await invoker.CallAsync(service, method, []);
            return StatusCode.OK;
        }
        catch (RpcException refused)
        {
            return refused.StatusCode;
        }
    }
}

public sealed class OrganizationRetiredServiceNameTests(ServiceHost<OrganizationDbContext> host)
    : RetiredServiceNameTests<OrganizationDbContext>(host), IClassFixture<ServiceHost<OrganizationDbContext>>;

public sealed class HomeAffairsRetiredServiceNameTests(HomeAffairsHost host)
    : RetiredServiceNameTests<Platform.HomeAffairs.Infrastructure.HomeAffairsDbContext>(host), IClassFixture<HomeAffairsHost>;

public sealed class DelegateAffairsRetiredServiceNameTests(ServiceHost<DelegateAffairsDbContext> host)
    : RetiredServiceNameTests<DelegateAffairsDbContext>(host), IClassFixture<ServiceHost<DelegateAffairsDbContext>>;
