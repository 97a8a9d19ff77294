using Microsoft.EntityFrameworkCore;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.Infrastructure;
using Platform.JointPlanning.Model;
using Platform.JointPlanning.V1;
using Platform.Api.Errors;
using Platform.Api.Paging;
using Platform.Api.Security;
using Platform.Vietnamese;

namespace Platform.JointPlanning.Grpc;

/// <summary>The conference tasks this body owns: it alone reports their progress.</summary>
public sealed class JointTaskApi(DbContext db, ConferenceProcess process, CurrentActor actor, TimeProvider clock)
{
    public async Task<ListJointTasksResponse> ListAsync(ListJointTasksRequest request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Parse(request.PageSize, request.PageToken);
        var query = db.Set<OwnedTask>().AsNoTracking();
        if (request.ConferenceId.Length > 0)
        {
            query = query.Where(t => t.ConferenceId == request.ConferenceId);
        }
        if (request.OverdueOnly)
        {
            query = query.Where(t => t.Overdue);
        }
        var result = await query.ToPageAsync(t => t.ListKey, page, cancellationToken);
        var response = new ListJointTasksResponse { NextPageToken = result.NextPageToken, TotalSize = result.Total.Size, TotalSizeCapped = result.Total.Capped };
        response.Tasks.AddRange(result.Items.Select(t => t.ToProto()));
        return response;
    }

    public async Task<JointTask> GetAsync(GetJointTaskRequest request, CancellationToken cancellationToken) =>
        (await FindAsync(request.Id, tracked: false, cancellationToken)).ToProto();

    public async Task<JointTask> ReportProgressAsync(ReportJointTaskProgressRequest request, CancellationToken cancellationToken)
    {
        var validator = new RequestValidator();
        var etag = Etags.Parse(request.Etag, "etag", validator);
        validator.Require(request.Percent is >= 0 and <= 100, "percent", Violation.NumberOutOfRange("must be 0 to 100", 0, 100));
        var note = VietnameseText.Normalize(request.Note);
        validator.Require(note.Length <= 2000, "note", Violation.TextTooLong(2000));
        validator.ThrowIfInvalid();
        var task = await FindAsync(request.Id, tracked: true, cancellationToken);
        Etags.Check(task.RowVersion, etag, "Task", task.Id);
        task.Report(request.Percent, request.Done, note, actor.Actor!.Subject, clock.GetUtcNow());
        await process.TellLeadAsync(task, new JointTaskProgressReported(task.ToState(), note, actor.Actor!), cancellationToken);
        Etags.ExpectVersion(db, task, etag);
        await db.SaveChangesAsync(cancellationToken);
        return task.ToProto();
    }

    private async Task<OwnedTask> FindAsync(string id, bool tracked, CancellationToken cancellationToken)
    {
        new RequestValidator().Require(id.Length is > 0 and <= 120, "id", Violation.Required()).ThrowIfInvalid();
        var query = tracked ? db.Set<OwnedTask>() : db.Set<OwnedTask>().AsNoTracking();
        return await query.SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            ?? throw new ResourceNotFoundException($"Task owned by {process.Body}", id);
    }
}
