using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.JointPlanning.Infrastructure;
using Platform.JointPlanning.V1;
using JointPlanningService = Platform.JointPlanning.V1.JointPlanningService;
using Platform.Organization.Infrastructure;
using Platform.Organization.V1;
using Platform.Testing;
using static Platform.FunctionalTests.JointPlanning.JointPlanningData;

namespace Platform.FunctionalTests.JointPlanning;

/// <summary>
/// The deadline sweep never waits for a row a writer holds. Writers at the lead lock a participant (or the lead's
/// copy of a task) before the conference (or the task); a sweep that locked the conference and then waited for the
/// participant deadlocked with them, and one of the two was rolled back (PostgreSQL 40P01, seen in the system
/// tests). Here a real transaction plays the writer, holding its first row while the sweep runs.
/// </summary>
public sealed class SweepLockTests(LeadHost host) : IClassFixture<LeadHost>, IAsyncLifetime
{
    private JointPlanningService.JointPlanningServiceClient Api => new(host.Channel);

    private JointPlanningSweep<OrganizationDbContext> Sweep => host.Services.GetRequiredService<JointPlanningSweep<OrganizationDbContext>>();

    public async Task InitializeAsync()
    {
        await using var db = host.CreateDbContext();
        await ProvinceCopies.EnsureAsync(db, Provinces);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_conference_whose_participant_a_writer_holds_is_left_to_the_next_sweep()
    {
        // Its response deadline, 2020-06-25, passed long ago, and neither body is ready: both are due to be flagged.
        var conference = await Api.ProposeConferenceAsync(new ProposeConferenceRequest { ConferenceId = NewSlug(), Conference = Proposal("home-affairs") });

        await using (var writer = await WriterAsync())
        {
            await writer.ExecuteAsync("UPDATE joint_conference_participants SET revision = revision WHERE conference_id = $1 AND body = 'organization'", conference.Id);
            await SweepWithoutWaitingAsync();
            await writer.ExecuteAsync("UPDATE joint_conferences SET updated_at = updated_at WHERE id = $1", conference.Id);
            await writer.CommitAsync();
        }
        var seen = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        Assert.Equal([false, false], seen.Readiness.Select(r => r.Overdue));

        await SweepWithoutWaitingAsync();
        seen = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        Assert.Equal([true, true], seen.Readiness.Select(r => r.Overdue));
    }

    [Fact]
    public async Task A_task_whose_leads_copy_a_progress_report_holds_is_left_to_the_next_sweep()
    {
        var conference = await Api.ProposeConferenceAsync(new ProposeConferenceRequest { ConferenceId = NewSlug(), Conference = Proposal("home-affairs") });
        var own = await Api.GetParticipationAsync(new GetParticipationRequest { ConferenceId = conference.Id });
        await Api.UpdateParticipationAsync(Contribution(own, "Báo cáo sơ kết của Ban Tổ chức Trung ương"));
        conference = await Api.GetConferenceAsync(new GetConferenceRequest { Id = conference.Id });
        conference = await Api.ScheduleConferenceAsync(new ScheduleConferenceRequest { Id = conference.Id, Etag = conference.Etag, ProceedWithout = { "home-affairs" } });
        var conclusion = new Conclusion { Summary = "Kết luận." };
        conclusion.Tasks.Add(new ConferenceTask { Description = "Nhiệm vụ quá hạn", DueDate = "2020-12-31", Owners = { "organization" },
            LegalBasis = { new LegalBasis { Number = "205-QĐ/TW", Date = "2019-09-23" } } });
        await Api.ConcludeConferenceAsync(new ConcludeConferenceRequest { Id = conference.Id, Etag = conference.Etag, Conclusion = conclusion });
        var taskId = $"{conference.Id}.1";

        await using (var writer = await WriterAsync())
        {
            // A progress report at the lead: its copy of the owner's state first, then the task.
            await writer.ExecuteAsync("UPDATE joint_task_owner_states SET revision = revision WHERE task_id = $1 AND owner_body = 'organization'", taskId);
            await SweepWithoutWaitingAsync();
            await writer.ExecuteAsync("UPDATE joint_tasks SET percent = percent WHERE id = $1", taskId);
            await writer.CommitAsync();
        }
        Assert.False((await Api.GetJointTaskAsync(new GetJointTaskRequest { Id = taskId })).Overdue);

        await SweepWithoutWaitingAsync();
        Assert.True((await Api.GetJointTaskAsync(new GetJointTaskRequest { Id = taskId })).Overdue);
    }

    /// <summary>A sweep that waited for the writer would never end while the writer waits for it: bounded here.</summary>
    private Task SweepWithoutWaitingAsync() => Sweep.SweepOnceAsync(CancellationToken.None).WaitAsync(Poll.DefaultTimeout);

    private async Task<Writer> WriterAsync()
    {
        var connection = new NpgsqlConnection(host.DatabaseConnectionString);
        await connection.OpenAsync();
        return new Writer(connection, await connection.BeginTransactionAsync());
    }

    private sealed class Writer(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async Task ExecuteAsync(string sql, string id)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction) { Parameters = { new() { Value = id } } };
            await command.ExecuteNonQueryAsync();
        }

        public Task CommitAsync() => transaction.CommitAsync();

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
