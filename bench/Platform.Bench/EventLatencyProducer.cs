using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Contracts.IntegrationEvents;
using Platform.HomeAffairs.Infrastructure;
using Platform.HomeAffairs.IntegrationEvents;
using Platform.ServiceDefaults.Hosting;
using AdministrativeUnit = Platform.HomeAffairs.Model.AdministrativeUnit;

namespace Platform.Bench;

/// <summary>
/// Changes Home Affairs' administrative units directly in its database, in the transaction shape of its own
/// UpdateAdministrativeUnit: the unit's row and its <see cref="AdministrativeUnitChanged"/> outbox row in one
/// transaction (one round trip, one commit; the outbox trigger NOTIFYs Home Affairs' relay at commit). The new
/// state is made by the service's own domain code (<see cref="AdministrativeUnit.Change(string, Platform.HomeAffairs.Model.AdministrativeUnitKind, string?, DateTimeOffset)"/>,
/// <see cref="AdministrativeUnitEvents.Changed"/>) and stored as the outbox stores it. Not through the API: at
/// 2,000 events a second an API call per event (token check, EF, the audit row) would take the CPU that the
/// relay and the consumers being measured need on two cores, and the interval measured starts at the commit.
/// Each change remembers its transaction id, whose commit time PostgreSQL keeps (track_commit_timestamp).
/// </summary>
public sealed class EventLatencyProducer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions OutboxJson = new(JsonSerializerDefaults.Web); // as the outbox serializes
    private static readonly string EventType =
        $"{typeof(AdministrativeUnitChanged).FullName}, {typeof(AdministrativeUnitChanged).Assembly.GetName().Name}";
    private static readonly Actor Bench = new("bench-events", "home-affairs", "bench");

    private readonly NpgsqlDataSource _database;
    private readonly AdministrativeUnit[] _units;
    private readonly SemaphoreSlim[] _unitLocks;
    private long _next;

    private EventLatencyProducer(NpgsqlDataSource database, AdministrativeUnit[] units)
    {
        _database = database;
        _units = units;
        _unitLocks = units.Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    }

    /// <summary>The events produced: message id and the source transaction's id.</summary>
    public ConcurrentQueue<(Guid MessageId, string TransactionId)> Produced { get; } = new();

    public static async Task<EventLatencyProducer> CreateAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<HomeAffairsDbContext>();
        options.UseServiceDatabase(connectionString);
        await using var db = new HomeAffairsDbContext(options.Options);
        var units = await db.AdministrativeUnits.OrderBy(u => u.Code).ToArrayAsync();
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.MaxPoolSize = 64;
        return new EventLatencyProducer(builder.Build(), units);
    }

    /// <summary>One change of the next unit in turn, committed; returns once committed.</summary>
    public async Task ProduceAsync()
    {
        var index = (int)(Interlocked.Increment(ref _next) % _units.Length);
        var unit = _units[index];
        var unitLock = _unitLocks[index];
        await unitLock.WaitAsync(); // the same unit is never changed by two transactions at once: revisions stay in commit order
        try
        {
            var name = unit.Name;
            var at = name.LastIndexOf(" #", StringComparison.Ordinal);
            unit.Change($"{(at < 0 ? name : name[..at])} #{unit.Revision + 1}", unit.Kind, unit.ParentCode, DateTimeOffset.UtcNow);
            var messageId = Guid.CreateVersion7();
            var body = JsonSerializer.Serialize(AdministrativeUnitEvents.Changed(unit, Bench), OutboxJson);

            await using var batch = _database.CreateBatch(); // one implicit transaction: both rows or neither
            batch.BatchCommands.Add(Command("UPDATE administrative_units SET name = $1, revision = $2, updated_at = $3 WHERE code = $4",
                unit.Name, unit.Revision, unit.UpdatedAt, unit.Code));
            batch.BatchCommands.Add(Command("INSERT INTO outbox_messages (message_id, message_type, body, occurred_at) VALUES ($1, $2, $3::jsonb, $4)",
                messageId, EventType, body, unit.UpdatedAt));
            batch.BatchCommands.Add(Command("SELECT pg_current_xact_id()::text"));
            var transactionId = (string)(await batch.ExecuteScalarAsync())!;
            Produced.Enqueue((messageId, transactionId));
        }
        finally
        {
            unitLock.Release();
        }
    }

    /// <summary>
    /// Produces at <paramref name="rate"/> events a second for <paramref name="duration"/>, open loop: each event starts
    /// at its scheduled time whether or not earlier ones have committed. Returns how late, at most, an event started.
    /// </summary>
    public async Task<TimeSpan> ProduceAtRateAsync(int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var maxLag = TimeSpan.Zero;
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        var issued = 0;
        while (issued < total)
        {
            var now = clock.Elapsed;
            while (issued < total && TimeSpan.FromSeconds((double)issued / rate) <= now)
            {
                var lag = now - TimeSpan.FromSeconds((double)issued / rate);
                if (lag > maxLag)
                {
                    maxLag = lag;
                }
                inFlight.Add(Task.Run(ProduceAsync));
                issued++;
            }
            if (issued < total)
            {
                await tick.WaitForNextTickAsync();
            }
        }
        await Task.WhenAll(inFlight);
        return maxLag;
    }

    /// <summary>Produces <paramref name="count"/> events as fast as <paramref name="workers"/> connections commit them.</summary>
    public async Task ProduceFlatOutAsync(int count, int workers)
    {
        var left = count;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                await ProduceAsync();
            }
        })));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return command;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
