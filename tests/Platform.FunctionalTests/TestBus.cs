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

    /// <summary>Publishes each message under an id of its own, all at once (so that a batch consumer gets them together).</summary>
    public static async Task PublishAllAsync<T>(string rabbitMqUrl, IEnumerable<T> messages) where T : class
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(new Uri(rabbitMqUrl)));
        await bus.StartAsync();
        try
        {
            await Task.WhenAll(messages.Select(message => bus.Publish(message, context => context.MessageId = Guid.NewGuid())));
        }
        finally
        {
            await bus.StopAsync();
        }
    }
}
