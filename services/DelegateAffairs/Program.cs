using Platform.DelegateAffairs.Extensions;
using Platform.DelegateAffairs.Infrastructure;
using Platform.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDelegateAffairs();

var app = builder.Build();
if (await app.RunCommandAsync<DelegateAffairsDbContext>(args, DelegateAffairsExtensions.Commands))
{
    return;
}
app.MapDelegateAffairs();
app.Run();
