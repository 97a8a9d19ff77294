using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.JointPlanning.V1;

namespace Platform.SeedLoader;

/// <summary>
/// The steps of the seed conference in the order of the workflow. Each reads what exists first and does only what
/// is missing, so a second run, or a run after an interrupted one, continues from where the platform is.
/// </summary>
internal sealed class SeedSteps(Gateway gateway, TextWriter log, TimeSpan timeout, string slug)
{
    private readonly string Id = $"{SeedConference.Lead}.{slug}";
    private const int ConflictAttempts = 5;

    private JointPlanningClient Lead => gateway.EditorOf(SeedConference.Lead);

    public async Task<Conference> RunAsync(CancellationToken cancellationToken)
    {
        var conference = await ProposeAsync(cancellationToken);
        if (conference.Status == ConferenceStatus.Planning)
        {
            foreach (var contribution in SeedConference.Contributions)
            {
                await ContributeAsync(contribution, cancellationToken);
            }
        }
        conference = await WaitUntilScheduledAsync(cancellationToken);
        conference = await RecordAttendanceAndGoodPracticesAsync(conference, cancellationToken);
        conference = await ConcludeAsync(conference, cancellationToken);
        foreach (var body in Bodies.All)
        {
            await ReportProgressAsync(body, cancellationToken);
        }
        return conference;
    }

    /// <summary>1. The lead proposes the conference, which makes its own participation (accepted) and invites the others.</summary>
    private async Task<Conference> ProposeAsync(CancellationToken cancellationToken)
    {
        if (await FindAsync(() => Lead.GetConferenceAsync(Id, cancellationToken)) is { } existing)
        {
            Say($"{Id}: exists, {Describe(existing.Status)}");
            return existing;
        }
        var proposed = await Lead.ProposeConferenceAsync(
            new ProposeConferenceRequest { ConferenceId = slug, Conference = SeedConference.Proposal() }, cancellationToken);
        if (proposed.Id != Id)
        {
            throw new SeedLoaderException($"ProposeConference made '{proposed.Id}', not '{Id}'.");
        }
        Say($"{Id}: proposed by {Lead.Body}, with {string.Join(" and ", proposed.CoOrganizers)}");
        return proposed;
    }

    /// <summary>2. Each body, through its own service, accepts and contributes once its invitation has arrived.</summary>
    private async Task ContributeAsync(SeedConference.Contribution contribution, CancellationToken cancellationToken)
    {
        var editor = gateway.EditorOf(contribution.Body);
        var participation = await Waiting.UntilAsync(
            token => FindAsync(() => editor.GetParticipationAsync(Id, token)),
            $"the invitation to {Id} at the {editor.Body} service", timeout, cancellationToken);
        if (participation.Response == InvitationResponse.Accepted
            && participation.AgendaItems.Count > 0 && participation.BridgePoints.Count > 0 && participation.Report is not null)
        {
            Say($"{editor.Body}: already accepted and contributed");
            return;
        }
        var updated = await RetryOnConflictAsync(async () =>
        {
            var current = await editor.GetParticipationAsync(Id, cancellationToken);
            return await editor.UpdateParticipationAsync(new UpdateParticipationRequest
            {
                Participation = contribution.ToParticipation(Id, current.Etag),
                UpdateMask = new FieldMask { Paths = { "response", "agenda_items", "bridge_points", "report" } },
            }, cancellationToken);
        });
        Say($"{editor.Body}: accepted, with {updated.AgendaItems.Count} agenda items, {updated.BridgePoints.Count} bridge points and its report");
    }

    /// <summary>3. The lead's process manager schedules the conference by itself once every body is ready.</summary>
    private async Task<Conference> WaitUntilScheduledAsync(CancellationToken cancellationToken)
    {
        Conference? last = null;
        var conference = await Waiting.UntilAsync(async token =>
        {
            last = await Lead.GetConferenceAsync(Id, token);
            return last.Status is ConferenceStatus.Scheduled or ConferenceStatus.Concluded ? last : null;
        }, $"{Id} to be scheduled (every body ready)", timeout, cancellationToken, () => Readiness(last));
        Say($"{Id}: {Describe(conference.Status)}, agenda of {conference.Agenda.Count} items"
            + (conference.Agenda.Count > 0 ? $" from {conference.Agenda[0].StartTime} to {conference.Agenda[^1].EndTime}" : ""));
        return conference;
    }

    /// <summary>4. The lead records who attended at every bridge point of every body, and the good practices presented.</summary>
    private async Task<Conference> RecordAttendanceAndGoodPracticesAsync(Conference conference, CancellationToken cancellationToken)
    {
        var attendance = new List<Attendance>();
        foreach (var body in conference.Readiness.Select(r => r.Body))
        {
            var participation = await gateway.EditorOf(body).GetParticipationAsync(Id, cancellationToken);
            attendance.AddRange(participation.BridgePoints.Select(point => new Attendance
            {
                Body = body,
                BridgePointKey = point.Key,
                Attendees = SeedConference.AttendedAt(body, point.Key) ?? point.ExpectedAttendees,
            }));
        }
        var practices = SeedConference.Practices.Select(p => p.ToGoodPractice()).ToList();
        if (conference.Attendance.SequenceEqual(attendance) && conference.GoodPractices.SequenceEqual(practices))
        {
            Say($"{Id}: attendance and good practices already recorded");
            return conference;
        }
        var updated = await RetryOnConflictAsync(async () =>
        {
            var current = await Lead.GetConferenceAsync(Id, cancellationToken);
            var change = new Conference { Id = Id, Etag = current.Etag };
            change.Attendance.AddRange(attendance);
            change.GoodPractices.AddRange(practices);
            return await Lead.UpdateConferenceAsync(new UpdateConferenceRequest
            {
                Conference = change,
                UpdateMask = new FieldMask { Paths = { "attendance", "good_practices" } },
            }, cancellationToken);
        });
        Say($"{Id}: {updated.Attendance.Sum(a => a.Attendees)} attended at {updated.Attendance.Count} bridge points; "
            + $"{updated.GoodPractices.Count} good practices recorded");
        return updated;
    }

    /// <summary>5. The lead issues the conclusion notice; its tasks go to their owners.</summary>
    private async Task<Conference> ConcludeAsync(Conference conference, CancellationToken cancellationToken)
    {
        if (conference.Status == ConferenceStatus.Concluded)
        {
            Say($"{Id}: already concluded, {conference.Conclusion.Tasks.Count} tasks");
            return conference;
        }
        var concluded = await RetryOnConflictAsync(async () =>
        {
            var current = await Lead.GetConferenceAsync(Id, cancellationToken);
            return await Lead.ConcludeConferenceAsync(new ConcludeConferenceRequest
            {
                Id = Id,
                Etag = current.Etag,
                Conclusion = SeedConference.ConclusionNotice(),
            }, cancellationToken);
        });
        Say($"{Id}: concluded on {concluded.Conclusion.IssuedOn}, {concluded.Conclusion.Tasks.Count} tasks");
        return concluded;
    }

    /// <summary>6. Once a body's service lists the tasks it owns, its editor reports the scenario's progress on them.</summary>
    private async Task ReportProgressAsync(string body, CancellationToken cancellationToken)
    {
        var editor = gateway.EditorOf(body);
        var owned = SeedConference.Tasks.Where(t => t.Owners.Contains(body)).Select(t => t.IdIn(Id)).ToHashSet();
        var tasks = await Waiting.UntilAsync(async token =>
        {
            var listed = await ListTasksAsync(editor, token);
            return owned.IsSubsetOf(listed.Keys) ? listed : null;
        }, $"the {body} service to list its {owned.Count} tasks of {Id}", timeout, cancellationToken);

        int reported = 0, already = 0;
        foreach (var plan in SeedConference.Progress.Where(p => p.Body == body))
        {
            if (!tasks.TryGetValue(plan.TaskIdIn(Id), out var task))
            {
                throw new SeedLoaderException($"The scenario reports progress of {body} on {plan.TaskIdIn(Id)}, which {body} does not own.");
            }
            if (task.Progress.Count > 0)
            {
                already++;
                continue;
            }
            await RetryOnConflictAsync(async () =>
            {
                var current = await editor.GetJointTaskAsync(plan.TaskIdIn(Id), cancellationToken);
                return current.Progress.Count > 0 ? current : await editor.ReportJointTaskProgressAsync(new ReportJointTaskProgressRequest
                {
                    Id = plan.TaskIdIn(Id),
                    Etag = current.Etag,
                    Percent = plan.Percent,
                    Done = plan.Done,
                    Note = plan.Note,
                }, cancellationToken);
            });
            reported++;
        }
        Say($"{body}: {owned.Count} tasks; progress reported on {reported}" + (already > 0 ? $", already on {already}" : ""));
    }

    private async Task<Dictionary<string, JointTask>> ListTasksAsync(JointPlanningClient editor, CancellationToken cancellationToken)
    {
        var tasks = new Dictionary<string, JointTask>();
        var request = new ListJointTasksRequest { ConferenceId = Id, PageSize = 100 };
        do
        {
            var page = await editor.ListJointTasksAsync(request, cancellationToken);
            foreach (var task in page.Tasks)
            {
                tasks[task.Id] = task;
            }
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return tasks;
    }

    /// <summary>The resource, or null if the service answers NotFound.</summary>
    private static async Task<T?> FindAsync<T>(Func<Task<T>> get) where T : class
    {
        try
        {
            return await get();
        }
        catch (JointPlanningCallException error) when (error.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// A read then a write with the etag read: when something else changed the resource in between (an event from
    /// another body, the deadline sweep), the service answers Aborted and the step reads again.
    /// </summary>
    private static async Task<T> RetryOnConflictAsync<T>(Func<Task<T>> readThenWrite)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await readThenWrite();
            }
            catch (JointPlanningCallException error) when (error.StatusCode == StatusCode.Aborted && attempt < ConflictAttempts)
            {
            }
        }
    }

    private static string Describe(ConferenceStatus status) => status.ToString().ToLowerInvariant();

    private static string Readiness(Conference? conference) => conference is null
        ? "nothing (no answer yet)"
        : $"{Describe(conference.Status)}; " + string.Join("; ", conference.Readiness.Select(r =>
            $"{r.Body}: " + (r.Ready ? "ready" : $"missing {string.Join(", ", r.Missing)}")));

    private void Say(string line) => log.WriteLine(line);
}
