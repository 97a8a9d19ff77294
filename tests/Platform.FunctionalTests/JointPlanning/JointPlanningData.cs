using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Platform.Contracts.IntegrationEvents;
using Platform.JointPlanning.V1;

namespace Platform.FunctionalTests.JointPlanning;

/// <summary>Requests and events of a joint conference like the seed's, for tests that change one thing at a time.</summary>
internal static class JointPlanningData
{
    public static readonly (string Code, string Name)[] Provinces = [("01", "Hà Nội"), ("15", "Yên Bái"), ("22", "Quảng Ninh")];

    public static string NewSlug() => $"hoi-nghi-{Guid.NewGuid():N}"[..24];

    public static Conference Proposal(params string[] coOrganizers)
    {
        var conference = new Conference
        {
            Title = "Hội nghị trực tuyến sơ kết 6 tháng đầu năm, triển khai công tác 6 tháng cuối năm 2020",
            Kind = ConferenceKind.HalfYearReview,
            PeriodStart = "2020-01-01",
            PeriodEnd = "2020-06-30",
            Date = "2020-07-01",
            StartTime = "08:00",
            Format = ConferenceFormat.Online,
            Chair = new Chair { Name = "Phạm Minh Chính", Title = "Trưởng Ban Tổ chức Trung ương", Body = "organization" },
            ResponseDeadline = "2020-06-25",
        };
        conference.CoOrganizers.AddRange(coOrganizers);
        return conference;
    }

    public static AgendaItem Item(string title, int minutes, AgendaItemKind kind = AgendaItemKind.Report) => new()
    {
        Title = title, Minutes = minutes, Kind = kind, Presenter = new Person { Name = "Nguyễn Văn Ánh", Title = "Vụ trưởng", Unit = "Ban Tổ chức Trung ương" },
    };

    public static BridgePoint Point(string key, string siteCode) => new()
    {
        Key = key, SiteCode = siteCode, Address = "Số 2 Hoàng Văn Thụ", ExpectedAttendees = 40, ConnectionContact = "Trần Thị Bình, 024 3823 0000",
        LocalChair = new Person { Name = "Lê Văn Cường", Title = "Phó Bí thư", Unit = "Tỉnh ủy" },
    };

    public static ReviewReport Report() => new()
    {
        Results = "Hoàn thành hướng dẫn công tác nhân sự đại hội đảng bộ các cấp.",
        Shortcomings = "Một số địa phương chậm tiến độ.",
        Proposals = "Tăng cường kiểm tra, giám sát.",
    };

    /// <summary>A full contribution: accept, one report, one bridge point, the report.</summary>
    public static UpdateParticipationRequest Contribution(Participation current, string itemTitle, string pointKey = "ha-noi", string site = "01")
    {
        var participation = new Participation
        {
            ConferenceId = current.ConferenceId, Etag = current.Etag, Response = InvitationResponse.Accepted, Report = Report(),
        };
        participation.AgendaItems.Add(Item(itemTitle, 20));
        participation.BridgePoints.Add(Point(pointKey, site));
        return new UpdateParticipationRequest { Participation = participation };
    }

    public static UpdateParticipationRequest Change(Participation current, params string[] paths)
    {
        var request = new UpdateParticipationRequest { Participation = current.Clone(), UpdateMask = new FieldMask() };
        request.UpdateMask.Paths.AddRange(paths);
        return request;
    }

    /// <summary>What another body's service tells the lead when that body accepts and contributes.</summary>
    public static JointParticipationChanged ContributionOf(string body, string conferenceId, long revision, params string[] itemTitles) => new(
        conferenceId, "organization", body, revision, "ACCEPTED", null,
        itemTitles.Select(t => new AgendaItemInfo(t, new PersonNamed("Phạm Thị Dung", "Thứ trưởng", "Bộ Nội vụ"), 15, "REPORT")).ToList(),
        [new BridgePointInfo("yen-bai", "15", "Yên Bái", "Tỉnh ủy Yên Bái", new PersonNamed("Lương Quốc Bảo", "Bí thư Tỉnh ủy", "Tỉnh ủy Yên Bái"), 60, "")],
        true, new Actor("tests", body, null));

    public static string[] FieldsOf(RpcException error) =>
        error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToArray();
}
