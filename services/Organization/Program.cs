using Platform.Organization.Extensions;
using Platform.Organization.Infrastructure;
using Platform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOrganization();

var app = builder.Build();
if (await app.RunCommandAsync<OrganizationDbContext>(args, OrganizationExtensions.Commands))
{
    return;
}
app.MapOrganization();
app.Run();
