using MassTransit;

namespace Platform.FunctionalTests;

/// <summary>Publishes to a virtual host as another service would: a MassTransit bus of its own.</summary>
public static class TestBus
{
    public static async Task PublishAsync<T>(string rabbitMqUrl, Guid messageId, params T[] messages) where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(rabbitMqUrl)));
        await bus.StartAsync();
        try
        {
            foreach (var message in messages)
            {
                await bus.Publish(message, context => context.MessageId = messageId);
            }
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
