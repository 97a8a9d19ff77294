using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Messaging.Outbox;

/// <summary>
/// LISTENs on the outbox channel over a dedicated connection; the outbox table's trigger NOTIFYs it
/// at commit. If the connection is lost, waiting degrades to the poll interval until it is back.
/// </summary>
internal sealed class PostgresOutboxSignal(string connectionString, ILogger<PostgresOutboxSignal> logger)
    : IOutboxSignal, IAsyncDisposable
{
    private NpgsqlDataSource? _dataSource;
    private NpgsqlConnection? _connection;

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await ListeningConnectionAsync(cancellationToken);
            await connection.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogDebug(exception, "Outbox notification connection lost; polling until it is back");
            await DropConnectionAsync();
            await Task.Delay(timeout, cancellationToken);
        }
    }

    private async Task<NpgsqlConnection> ListeningConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return _connection;
        }
        await DropConnectionAsync();
        var connection = await ListeningDataSource().OpenConnectionAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {MessagingModel.OutboxChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        _connection = connection;
        return connection;
    }

    /// <summary>
    /// One unpooled connection at a time. Keepalive makes a silently dead connection fail instead of waiting forever.
    /// The data source is named, as the service's pool is (<see cref="DatabaseExtensions.PoolName"/>), so that its
    /// metrics do not carry the connection string.
    /// </summary>
    private NpgsqlDataSource ListeningDataSource() => _dataSource ??= new NpgsqlDataSourceBuilder(connectionString)
    {
        ConnectionStringBuilder = { KeepAlive = 10, Pooling = false },
        Name = DatabaseExtensions.PoolName(connectionString) + " outbox-listen",
    }.Build();

    private async Task DropConnectionAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropConnectionAsync();
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
