using Platform.HomeAffairs.Extensions;
using Platform.HomeAffairs.Infrastructure;
using Platform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHomeAffairs();

var app = builder.Build();
if (await app.RunCommandAsync<HomeAffairsDbContext>(args, HomeAffairsExtensions.Commands))
{
    return;
}
app.MapHomeAffairs();
app.Run();
