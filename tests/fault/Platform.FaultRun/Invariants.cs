using Npgsql;

namespace Platform.FaultRun;

/// <summary>
/// What must hold once the platform is quiet, read from the three databases: every accepted write's event reached
/// every service that should have it (lost), none was applied twice (twice), every process manager is final or
/// clearly waiting, each deadline sweep's effect happened once per due item however many replicas swept, and no outbox
/// row is left unsent.
/// </summary>
public sealed class Invariants(FaultPlatform platform)
{
    public sealed record Result(int Lost, int Twice, int Unsent, int Delivered, IReadOnlyList<string> Problems, IReadOnlyDictionary<string, int> Figures)
    {
        public bool Holds => Lost == 0 && Twice == 0 && Unsent == 0;
    }

    private string Db(string body) => platform.Databases[body];

    public async Task<Result> CheckAsync()
    {
        var problems = new List<string>();
        var figures = new Dictionary<string, int>();
        int lost = 0, twice = 0;

        // Reference data: every copy holds the revision Home Affairs holds; a copy never wrote more changes to its
        // audit trail than the original had (a change applied twice would).
        var units = await RowsAsync(Db("home-affairs"), "SELECT code, revision FROM administrative_units", r => (r.GetString(0), r.GetInt64(1)));
        var unitAudits = await CountsAsync(Db("home-affairs"), "SELECT resource, count(*) FROM audit_entries WHERE resource LIKE 'administrative-units/%' GROUP BY resource");
        figures["administrative units (revisions)"] = (int)units.Sum(u => u.Item2);
        foreach (var holder in new[] { "organization", "delegate-affairs" })
        {
            var copies = (await RowsAsync(Db(holder), "SELECT code, revision FROM administrative_unit_copies", r => (r.GetString(0), r.GetInt64(1)))).ToDictionary();
            var copyAudits = await CountsAsync(Db(holder), "SELECT resource, count(*) FROM audit_entries WHERE resource LIKE 'administrative-units/%' GROUP BY resource");
            foreach (var (code, revision) in units)
            {
                if (!copies.TryGetValue(code, out var copied) || copied < revision)
                {
                    lost++;
                    problems.Add($"{holder}'s copy of {code} is at revision {(copies.TryGetValue(code, out var c) ? c : 0)}, Home Affairs at {revision}");
                }
                else if (copied > revision || copyAudits.GetValueOrDefault($"administrative-units/{code}") > unitAudits.GetValueOrDefault($"administrative-units/{code}"))
                {
                    twice++;
                    problems.Add($"{holder}'s copy of {code} shows more changes than Home Affairs made");
                }
            }
        }

        // Joint planning: each co-organizer received its invitation; the lead holds each participation at the
        // participant's own revision; each participant sees the conference's status; every task reached each owner and
        // the lead holds each owner's progress at its revision.
        var statuses = new Dictionary<string, int>();
        foreach (var lead in Workload.Bodies)
        {
            var conferences = await RowsAsync(Db(lead), "SELECT id, status FROM joint_conferences", r => (r.GetString(0), r.GetString(1)));
            foreach (var (_, status) in conferences)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
            }
            var conferenceStatus = conferences.ToDictionary();
            var participants = await RowsAsync(Db(lead), "SELECT conference_id, body, revision FROM joint_conference_participants", r => (r.GetString(0), r.GetString(1), r.GetInt64(2)));
            foreach (var (conference, body, revision) in participants)
            {
                var own = await RowsAsync(Db(body), "SELECT revision, status FROM joint_participations WHERE conference_id = $1",
                    r => (r.GetInt64(0), r.GetString(1)), conference);
                if (own.Count == 0)
                {
                    lost++;
                    problems.Add($"{body} never received the invitation to {conference}");
                    continue;
                }
                var (ownRevision, seenStatus) = own[0];
                if (revision < ownRevision)
                {
                    lost++;
                    problems.Add($"the lead {lead} holds {body}'s participation in {conference} at revision {revision}, {body} at {ownRevision}");
                }
                else if (revision > ownRevision)
                {
                    twice++;
                    problems.Add($"the lead {lead} holds {body}'s participation in {conference} at revision {revision}, ahead of {body} ({ownRevision})");
                }
                if (seenStatus != conferenceStatus[conference])
                {
                    lost++;
                    problems.Add($"{body} sees {conference} as {seenStatus}, the lead as {conferenceStatus[conference]}");
                }
            }
            var states = await RowsAsync(Db(lead), "SELECT task_id, owner_body, revision FROM joint_task_owner_states", r => (r.GetString(0), r.GetString(1), r.GetInt64(2)));
            foreach (var (task, owner, revision) in states)
            {
                var own = await RowsAsync(Db(owner), "SELECT revision FROM joint_tasks WHERE id = $1", r => r.GetInt64(0), task);
                if (own.Count == 0)
                {
                    lost++;
                    problems.Add($"{owner} never received task {task}");
                }
                else if (revision < own[0])
                {
                    lost++;
                    problems.Add($"the lead {lead} holds {owner}'s progress on {task} at revision {revision}, {owner} at {own[0]}");
                }
                else if (revision > own[0])
                {
                    twice++;
                    problems.Add($"the lead {lead} holds {owner}'s progress on {task} ahead of {owner}");
                }
            }
        }
        foreach (var (status, count) in statuses)
        {
            figures[$"conferences {status.ToLowerInvariant()}"] = count;
        }

        // The deadline sweep, run by every replica of every owner: a task past its due date and not done is flagged
        // overdue, and each flag (one audited change, one notice to the lead in the same transaction) happens once.
        var flagged = 0;
        foreach (var owner in Workload.Bodies)
        {
            var sweeps = await CountsAsync(Db(owner),
                "SELECT resource, count(*) FROM audit_entries WHERE subject = 'system:deadline-sweep' AND resource LIKE 'joint-tasks/%' GROUP BY resource");
            flagged += sweeps.Count;
            foreach (var (task, times) in sweeps.Where(s => s.Value > 1))
            {
                twice++;
                problems.Add($"{owner} flagged {task} overdue {times} times");
            }
            var missed = (int)await ScalarAsync(Db(owner), "SELECT count(*) FROM joint_tasks WHERE NOT done AND NOT overdue AND due_date < current_date");
            if (missed > 0)
            {
                lost += missed;
                problems.Add($"{missed} task(s) at {owner} are past due and not flagged overdue");
            }
        }
        figures["tasks flagged overdue by a sweep"] = flagged;

        // Vetting: every candidate's request was answered by both other bodies (answers are due within six hours in
        // this run, so a missing one shows as PENDING rather than being swept to review).
        var vettings = await CountsAsync(Db("delegate-affairs"), "SELECT status, count(*) FROM candidate_vettings GROUP BY status");
        foreach (var (status, count) in vettings)
        {
            figures[$"candidates {status.ToLowerInvariant()}"] = count;
        }
        var pending = vettings.GetValueOrDefault("PENDING");
        if (pending > 0)
        {
            lost += pending;
            problems.Add($"{pending} candidate(s) still wait for an answer");
        }

        // The outboxes are empty: everything committed was published and confirmed.
        var unsent = 0;
        var delivered = 0;
        foreach (var body in Workload.Bodies)
        {
            var rows = (int)(await ScalarAsync(Db(body), "SELECT count(*) FROM outbox_messages"));
            if (rows > 0)
            {
                unsent += rows;
                problems.Add($"{rows} outbox row(s) at {body} not sent");
            }
            delivered += (int)await ScalarAsync(Db(body), "SELECT count(*) FROM inbox_messages");
        }
        return new Result(lost, twice, unsent, delivered, problems, figures);
    }

    private static async Task<List<T>> RowsAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static async Task<Dictionary<string, int>> CountsAsync(string connectionString, string sql) =>
        (await RowsAsync(connectionString, sql, r => (r.GetString(0), (int)r.GetInt64(1)))).ToDictionary();

    private static async Task<long> ScalarAsync(string connectionString, string sql) =>
        (await RowsAsync(connectionString, sql, r => r.GetInt64(0))).Single();
}
