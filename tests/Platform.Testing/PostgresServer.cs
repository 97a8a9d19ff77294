using Npgsql;

namespace Platform.Testing;

/// <summary>
/// The PostgreSQL server tests run against: the one ./test.sh started (PLATFORM_TEST_POSTGRES), or,
/// when a test runs alone, a throwaway one this process starts with scripts/postgres.sh and stops at exit.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(StartOrFind);
    private readonly SemaphoreSlim _templateLock = new(1, 1);
    private readonly Dictionary<string, string> _templates = new();

    private PostgresServer(string serverConnectionString) => ServerConnectionString = serverConnectionString;

    public static PostgresServer Instance => Shared.Value;

    /// <summary>
    /// The roles of the tests' databases, as in a deployment: the owner of the tables migrates them, and the
    /// services connect as a role with data access only (ServiceRole.GrantAsync, as their `migrate` grants it),
    /// so that a grant the code needs and lacks fails the tests.
    /// </summary>
    public const string OwnerRole = "platform_test_owner";

    /// <inheritdoc cref="OwnerRole"/>
    public const string ServiceRole = "platform_test_service";

    /// <summary>Host, port and superuser, without a database.</summary>
    public string ServerConnectionString { get; }

    /// <summary>A database as the superuser.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    /// <summary>The same database as the role that owns its tables (a service's ConnectionStrings:Migrations).</summary>
    public static string AsOwner(string connectionString) => As(connectionString, OwnerRole);

    /// <summary>The same database as the services' role (a service's ConnectionStrings:Database).</summary>
    public static string AsService(string connectionString) => As(connectionString, ServiceRole);

    /// <summary>
    /// A new, empty-of-tests database with the schema of <paramref name="templateKey"/>: the schema is made
    /// once per test run by <paramref name="migrate"/> (given the owner's connection string; it also grants the
    /// service role) and then cloned, which takes milliseconds. Returns the service role's connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string templateKey, Func<string, Task> migrate)
    {
        var template = await TemplateAsync(templateKey, migrate);
        var name = $"t_{templateKey}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" OWNER {OwnerRole}");
        return AsService(ConnectionString(name));
    }

    /// <summary>
    /// A new empty database owned by <see cref="OwnerRole"/>, for a process that migrates it itself (its `migrate`
    /// command, with <see cref="AsOwner"/> as ConnectionStrings:Migrations). Returns the service role's connection string.
    /// </summary>
    public async Task<string> CreateEmptyDatabaseAsync(string prefix)
    {
        var name = $"s_{prefix}_{Guid.NewGuid():N}"[..40];
        await ExecuteAsync($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}");
        return AsService(ConnectionString(name));
    }

    /// <summary>The first column of the first row of a query on a database, or default.</summary>
    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> TemplateAsync(string key, Func<string, Task> migrate)
    {
        await _templateLock.WaitAsync();
        try
        {
            if (_templates.TryGetValue(key, out var existing))
            {
                return existing;
            }
            var name = $"tpl_{key}_{Guid.NewGuid():N}"[..40];
            await ExecuteAsync($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}");
            await migrate(AsOwner(ConnectionString(name)));
            // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
            NpgsqlConnection.ClearAllPools();
            _templates[key] = name;
            return name;
        }
        finally
        {
            _templateLock.Release();
        }
    }

    private static string As(string connectionString, string role) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = null }.ConnectionString;

    private static PostgresServer StartOrFind()
    {
        var server = Start();
        // Once per server (roles are cluster-wide); test processes sharing test.sh's server may race to create them.
        foreach (var role in new[] { OwnerRole, ServiceRole })
        {
            server.ExecuteAsync($"""
                DO $$ BEGIN
                    CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END $$
                """).GetAwaiter().GetResult();
        }
        return server;
    }

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable("PLATFORM_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return new PostgresServer(given);
        }
        var dir = StaleServers.DirectoryFor("postgres");
        var port = FreePort.Next();
        Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, "postgres.sh"), ["start", dir, port.ToString(), "--fast"]).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Shell.RunAsync(Path.Combine(RepositoryPaths.Scripts, "postgres.sh"), ["stop", dir]).GetAwaiter().GetResult();
            Directory.Delete(dir, recursive: true);
        };
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres");
    }
}
