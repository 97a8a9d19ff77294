using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Auditing;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// The database role a service's process connects as (ConnectionStrings:Database) is not the role that owns its
/// tables (ConnectionStrings:Migrations, used by <c>migrate</c>): it gets data access only, so that nothing the
/// process can do changes the schema, and in particular the audit trail stays append-only — only a table's owner
/// (or a superuser) can disable its triggers, truncate, alter or drop it.
/// <c>migrate</c> re-applies these grants after every migration, so a table a new migration adds is covered.
/// </summary>
public static class ServiceRole
{
    /// <summary>EF Core's record of applied migrations: only <c>migrate</c> reads it.</summary>
    private const string MigrationsHistoryTable = "__EFMigrationsHistory";

    /// <summary>
    /// Grants <paramref name="role"/> exactly what the service needs on the database <paramref name="owner"/> is
    /// connected to as the owner of its tables: CONNECT; SELECT, INSERT, UPDATE, DELETE on every table of the
    /// public schema (the inbox trim and the outbox relay delete) except the audit trail, which it may only read
    /// and append to, and the migrations history; USAGE on the sequences. Whatever else the role held on those
    /// tables is revoked. One transaction: the running service never sees a table without its grants.
    /// </summary>
    public static async Task GrantAsync(DbContext owner, string role, CancellationToken cancellationToken = default)
    {
        var connection = (NpgsqlConnection)owner.Database.GetDbConnection();
        await owner.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var tables = new List<(string Name, string Owner)>();
            await using (var list = new NpgsqlCommand(
                "SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
                connection, transaction))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    tables.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
            var (me, database) = await CurrentAsync(connection, transaction, cancellationToken);
            // A GRANT by a role that does not own the table only warns and grants nothing: say so instead.
            var foreign = tables.Where(t => t.Owner != me).Select(t => $"{t.Name} (owner {t.Owner})").ToList();
            if (foreign.Count > 0)
            {
                throw new InvalidOperationException(
                    $"migrate connects as {me}, which does not own {string.Join(", ", foreign)}: it cannot grant {role} access to them. " +
                    "ConnectionStrings:Migrations must name the role that owns the service's tables.");
            }

            var grantee = Quote(role);
            var statements = new List<string> { $"GRANT CONNECT ON DATABASE {Quote(database)} TO {grantee}" };
            foreach (var (table, _) in tables)
            {
                statements.Add($"REVOKE ALL ON TABLE public.{Quote(table)} FROM {grantee}");
                var privileges = table switch
                {
                    MigrationsHistoryTable => null,
                    AuditModel.Table => "SELECT, INSERT",
                    _ => "SELECT, INSERT, UPDATE, DELETE",
                };
                if (privileges is not null)
                {
                    statements.Add($"GRANT {privileges} ON TABLE public.{Quote(table)} TO {grantee}");
                }
            }
            statements.Add($"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {grantee}");
            statements.Add($"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {grantee}");
            await using (var grant = new NpgsqlCommand(string.Join(";\n", statements), connection, transaction))
            {
                await grant.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await owner.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The role named by a connection string's Username, which <c>migrate</c> grants to.</summary>
    public static string RoleOf(string connectionString, string name) =>
        new NpgsqlConnectionStringBuilder(connectionString).Username is { Length: > 0 } username
            ? username
            : throw new InvalidOperationException($"ConnectionStrings:{name} names no Username: migrate cannot tell which role the service connects as.");

    private static async Task<(string User, string Database)> CurrentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_user, current_database()", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0), reader.GetString(1));
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
