using System.Globalization;
using Npgsql;

namespace Platform.Bench;

/// <summary>
/// What the event path asks of PostgreSQL, from pg_stat_statements (`events --statements`): the counters are reset
/// before a stage, and afterwards each service database's statements are divided by the stage's events, so that
/// "4 statements and 1.2 ms an event at the Organization" can be read straight off. Npgsql sends BEGIN and COMMIT as
/// statements, so the transactions show among them. The extension's own database (postgres) is left out.
/// </summary>
public sealed class StatementProfile(string server)
{
    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(server + ";Database=postgres");
        await connection.OpenAsync();
        await using var reset = new NpgsqlCommand("SELECT pg_stat_statements_reset()", connection);
        await reset.ExecuteNonQueryAsync();
    }

    /// <summary>Each database's statements per event, most frequent first, with the time each takes; as log lines.</summary>
    public async Task<IReadOnlyList<string>> ReadAsync(int events)
    {
        await using var connection = new NpgsqlConnection(server + ";Database=postgres");
        await connection.OpenAsync();
        var lines = new List<string>();
        const string sql = """
            SELECT d.datname, s.calls, s.total_exec_time, s.rows, left(regexp_replace(s.query, '\s+', ' ', 'g'), 150)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname NOT IN ('postgres', 'template1')
            ORDER BY d.datname, s.calls DESC, s.total_exec_time DESC
            """;
        var rows = new List<(string Database, long Calls, double Ms, long Rows, string Query)>();
        await using (var command = new NpgsqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetString(4)));
            }
        }
        double PerEvent(double value) => value / Math.Max(events, 1);
        foreach (var database in rows.GroupBy(r => r.Database))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{database.Key}: {PerEvent(database.Sum(r => r.Calls)):0.00} statements and {PerEvent(database.Sum(r => r.Ms)):0.000} ms of execution an event ({events:N0} events)"));
            foreach (var row in database.Where(r => PerEvent(r.Calls) >= 0.01))
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"  {PerEvent(row.Calls),6:0.00} × {row.Ms / Math.Max(row.Calls, 1),7:0.000} ms  {row.Query}"));
            }
        }
        return lines;
    }
}
