using Platform.Organization.Model;
using Platform.Api.Errors;
using Platform.Vietnamese;
using Proto = Platform.Organization.V1;

namespace Platform.Organization.Grpc;

/// <summary>Between the Organization's model and its v1 API messages.</summary>
internal static class OrganizationMapping
{
    public static Proto.PartyOrganization ToProto(this PartyOrganization o) => new()
    {
        Id = o.Id, Name = o.Name, Level = (Proto.PartyLevel)o.Level, ParentId = o.ParentId ?? "", ProvinceCode = o.ProvinceCode ?? "",
        Etag = Etags.Of(o.RowVersion),
    };

    public static Proto.PartyCongress ToProto(this PartyCongress c, IEnumerable<CongressDeadline> deadlines)
    {
        var deadline = deadlines.FirstOrDefault(d => d.Term == c.Term && d.Level == c.Level);
        return new Proto.PartyCongress
        {
            Id = c.Id, OrganizationId = c.OrganizationId, Term = c.Term, PlannedDate = c.PlannedDate.ToIso(),
            ActualDate = c.ActualDate?.ToIso() ?? "", Status = (Proto.CongressStatus)c.Status, DelegateCount = c.DelegateCount,
            Deadline = deadline?.Deadline.ToIso() ?? "", DeadlineSource = deadline?.Source ?? "",
            Late = CongressSchedule.IsLate(c, deadline), Etag = Etags.Of(c.RowVersion),
        };
    }

    public static Proto.CadreRecord ToProto(this CadreRecord r)
    {
        var proto = new Proto.CadreRecord
        {
            NationalId = r.NationalId, FullName = r.FullName, BirthDate = r.BirthDate.ToIso(), Sex = r.Sex, Position = r.Position,
            PartyStanding = (Proto.PartyStanding)r.PartyStanding, PartyJoinedDate = r.PartyJoinedDate?.ToIso() ?? "",
            SuccessionPlanStatus = (Proto.SuccessionPlanStatus)r.SuccessionPlanStatus, Etag = Etags.Of(r.RowVersion),
        };
        proto.DisciplineRecords.AddRange(r.DisciplineRecords.Select(d => new Proto.DisciplineRecord
        {
            DecidedDate = d.DecidedDate.ToIso(), Form = d.Form, Reason = d.Reason, ExpiresDate = d.ExpiresDate?.ToIso() ?? "",
        }));
        proto.Regulation205Findings.AddRange(r.Regulation205Findings.Select(f => new Proto.Regulation205Finding
        {
            Kind = (Proto.Regulation205FindingKind)f.Kind, Description = f.Description, FoundDate = f.FoundDate.ToIso(),
            SanctionUntil = f.SanctionUntil?.ToIso() ?? "",
        }));
        proto.RelativesInLinkedPosts.AddRange(r.RelativesInLinkedPosts.Select(p => new Proto.RelativeInLinkedPost
        {
            FullName = p.FullName, Relation = p.Relation, Post = p.Post,
        }));
        return proto;
    }
}
