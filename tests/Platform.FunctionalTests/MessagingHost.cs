using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Messaging;
using Platform.Messaging.Inbox;
using Platform.ServiceDefaults.Hosting;
using Platform.Testing;

namespace Platform.FunctionalTests;

/// <summary>A message only these tests send.</summary>
public sealed record InboxProbe(string Key, int FailTimes);

/// <summary>A message only these tests send, consumed in batches (<see cref="BatchProbeConsumer"/>); Fail: its effect always throws.</summary>
public sealed record BatchProbe(string Key, bool Fail);

/// <summary>A database with the messaging tables and a counter that a consumer increments: an effect that is wrong if applied twice.</summary>
public sealed class MessagingTestDbContext(DbContextOptions<MessagingTestDbContext> options) : DbContext(options)
{
    public DbSet<ProbeCounter> Counters => Set<ProbeCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProbeCounter>().HasKey(c => c.Key);
        modelBuilder.AddMessagingTables();
    }
}

public sealed class ProbeCounter
{
    public required string Key { get; init; }
    public int Applied { get; set; }
}

/// <summary>
/// Increments the probe's counter, the not-idempotent way: only the inbox keeps it from counting a
/// message twice. Fails the first <see cref="InboxProbe.FailTimes"/> attempts (negative: always).
/// </summary>
public sealed class InboxProbeConsumer(MessagingTestDbContext db, ILogger<InboxProbeConsumer> logger)
    : IdempotentConsumer<InboxProbe, MessagingTestDbContext>(db, logger)
{
    private static readonly Dictionary<string, int> Attempts = new();

    public static int AttemptsOf(string key)
    {
        lock (Attempts)
        {
            return Attempts.GetValueOrDefault(key);
        }
    }

    protected override async Task HandleAsync(InboxProbe message, CancellationToken cancellationToken)
    {
        var counter = await Db.Counters.FindAsync([message.Key], cancellationToken);
        if (counter is null)
        {
            counter = new ProbeCounter { Key = message.Key };
            Db.Counters.Add(counter);
        }
        counter.Applied++;
        int attempt;
        lock (Attempts)
        {
            attempt = Attempts[message.Key] = Attempts.GetValueOrDefault(message.Key) + 1;
        }
        if (message.FailTimes < 0 || attempt <= message.FailTimes)
        {
            throw new InvalidOperationException($"Probe {message.Key} fails on attempt {attempt}");
        }
    }
}

/// <summary>
/// Increments each probe's counter, a batch at a time, the not-idempotent way (only the inbox keeps it from counting a
/// message twice); a probe that says Fail throws. Remembers the largest batch it was given.
/// </summary>
public sealed class BatchProbeConsumer(MessagingTestDbContext db, ILogger<BatchProbeConsumer> logger)
    : IdempotentBatchConsumer<BatchProbe, MessagingTestDbContext>(db, logger)
{
    private static int _largestBatch;

    public static int LargestBatch => Volatile.Read(ref _largestBatch);

    protected override async Task HandleAsync(IReadOnlyList<ConsumeContext<BatchProbe>> messages, CancellationToken cancellationToken)
    {
        InterlockedMax(messages.Count);
        foreach (var message in messages.Select(m => m.Message))
        {
            var counter = await Db.Counters.FindAsync([message.Key], cancellationToken);
            if (counter is null)
            {
                Db.Counters.Add(counter = new ProbeCounter { Key = message.Key });
            }
            counter.Applied++;
            if (message.Fail)
            {
                throw new InvalidOperationException($"Probe {message.Key} always fails");
            }
        }
    }

    private static void InterlockedMax(int size)
    {
        int seen;
        while (size > (seen = Volatile.Read(ref _largestBatch)) && Interlocked.CompareExchange(ref _largestBatch, size, seen) != seen)
        {
        }
    }
}

/// <summary>
/// A process with the platform's real messaging wiring (AddPlatformMessaging) and the probe consumer,
/// on a database of its own and a RabbitMQ virtual host of its own, with fast retries.
/// </summary>
public class MessagingHost : IAsyncLifetime
{
    private IHost _host = null!;

    public string DatabaseConnectionString { get; private set; } = "";
    public string RabbitMqUrl { get; private set; } = "";
    public IServiceProvider Services => _host.Services;

    protected virtual bool RelayEnabled => true;

    public async Task InitializeAsync()
    {
        DatabaseConnectionString = await PostgresServer.Instance.CreateDatabaseAsync("messaging", async connectionString =>
        {
            await using var db = CreateDbContext(connectionString);
            await db.Database.EnsureCreatedAsync();
            await db.Database.ExecuteSqlRawAsync(MessagingModel.OutboxWakeUpTriggerSql);
            await ServiceRole.GrantAsync(db, PostgresServer.ServiceRole);
        });
        RabbitMqUrl = await RabbitMqNode.Shared.CreateVirtualHostAsync("messaging");

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Database"] = DatabaseConnectionString;
        builder.Configuration["ConnectionStrings:RabbitMq"] = RabbitMqUrl;
        builder.Configuration["Messaging:Outbox:RelayEnabled"] = RelayEnabled.ToString();
        builder.Configuration["Messaging:Retry:Limit"] = "3";
        builder.Configuration["Messaging:Retry:MinInterval"] = "00:00:00.010";
        builder.Configuration["Messaging:Retry:MaxInterval"] = "00:00:00.050";
        builder.Configuration["Messaging:Retry:IntervalDelta"] = "00:00:00.010";
        builder.Services.AddDbContext<MessagingTestDbContext>(o => o.UseServiceDatabase(DatabaseConnectionString));
        builder.Services.AddHealthChecks();
        builder.AddPlatformMessaging<MessagingTestDbContext>("probe", bus =>
        {
            bus.AddConsumer<InboxProbeConsumer>();
            bus.AddConsumer<BatchProbeConsumer>(typeof(IdempotentBatchConsumerDefinition<BatchProbeConsumer, BatchProbe>));
        });
        _host = builder.Build();
        await _host.StartAsync();
        var health = _host.Services.GetRequiredService<HealthCheckService>();
        await Poll.UntilAsync(async () => (await health.CheckHealthAsync(c => c.Tags.Contains("masstransit"))).Status == HealthStatus.Healthy,
            "the probe bus to be ready");
    }

    public MessagingTestDbContext CreateDbContext() => CreateDbContext(DatabaseConnectionString);

    private static MessagingTestDbContext CreateDbContext(string connectionString)
    {
        var options = new DbContextOptionsBuilder<MessagingTestDbContext>();
        options.UseServiceDatabase(connectionString);
        return new MessagingTestDbContext(options.Options);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>The same, with no relay of its own, so that a test alone decides who claims outbox rows.</summary>
public sealed class MessagingHostWithoutRelay : MessagingHost
{
    protected override bool RelayEnabled => false;
}
