using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Vetting.Infrastructure;
using Platform.Vetting.IntegrationEvents;

namespace Platform.Vetting;

public static class VettingExtensions
{
    /// <summary>
    /// The answering side of vetting over the service's own database <typeparamref name="TContext"/> (whose model
    /// calls <see cref="VettingModel.AddVettingSubjects"/>), judged by the body's <typeparamref name="TRules"/>.
    /// Add the consumer with <see cref="AddVettingConsumers{TContext}"/> where the service adds its others, and
    /// call <see cref="VettingAnswerer.RevetAsync"/> wherever the body's records are written.
    /// </summary>
    public static IHostApplicationBuilder AddVetting<TContext, TRules>(this IHostApplicationBuilder builder)
        where TContext : DbContext
        where TRules : class, IVettingRules
    {
        builder.Services.AddScoped<IVettingRules, TRules>();
        // The answerer takes the service's DbContext as the base type: it is written once for both bodies.
        builder.Services.AddScoped(sp => ActivatorUtilities.CreateInstance<VettingAnswerer>(sp, sp.GetRequiredService<TContext>()));
        return builder;
    }

    /// <summary>The queue "&lt;service&gt;-vetting-requested".</summary>
    public static void AddVettingConsumers<TContext>(this IBusRegistrationConfigurator bus, string serviceName) where TContext : DbContext =>
        bus.AddConsumer<VettingRequestedConsumer<TContext>>().Endpoint(e => e.Name = $"{serviceName}-vetting-requested");
}
