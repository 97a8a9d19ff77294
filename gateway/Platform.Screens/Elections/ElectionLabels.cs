using Platform.DelegateAffairs.V1;

namespace Platform.Screens.Elections;

/// <summary>The Vietnamese words the election and vetting screens show for Delegate Affairs' codes, and their styles.</summary>
public static class ElectionLabels
{
    public static string Kind(ElectionKind kind) => kind switch
    {
        ElectionKind.NationalAssembly => "Bầu cử đại biểu Quốc hội",
        ElectionKind.ProvincialPeoplesCouncil => "Bầu cử đại biểu HĐND cấp tỉnh",
        ElectionKind.DistrictPeoplesCouncil => "Bầu cử đại biểu HĐND cấp huyện",
        ElectionKind.CommunePeoplesCouncil => "Bầu cử đại biểu HĐND cấp xã",
        _ => "—",
    };

    public static string Status(CandidateStatus status) => status switch
    {
        CandidateStatus.Introduced => "Được giới thiệu",
        CandidateStatus.PreliminaryList => "Danh sách sơ bộ",
        CandidateStatus.OfficialList => "Danh sách chính thức",
        CandidateStatus.Withdrawn => "Đã rút",
        _ => "—",
    };

    public static string Vetting(VettingStatus status) => status switch
    {
        VettingStatus.Pending => "Đang chờ thẩm tra, xác minh",
        VettingStatus.Eligible => "Đủ điều kiện",
        VettingStatus.Ineligible => "Không đủ điều kiện",
        VettingStatus.NeedsReview => "Cần xem xét",
        _ => "—",
    };

    /// <summary>The class of a vetting status (site.css: ok, warn, bad), so that the words, not only the colour, tell it.</summary>
    public static string VettingClass(VettingStatus status) => status switch
    {
        VettingStatus.Eligible => "ok",
        VettingStatus.Ineligible => "bad",
        VettingStatus.Pending or VettingStatus.NeedsReview => "warn",
        _ => "",
    };

    /// <summary>The value the review queue's filter and URL use ("NEEDS_REVIEW"), as ListCandidates reads it.</summary>
    public static string FilterName(VettingStatus status) => status switch
    {
        VettingStatus.Pending => "PENDING",
        VettingStatus.Eligible => "ELIGIBLE",
        VettingStatus.Ineligible => "INELIGIBLE",
        VettingStatus.NeedsReview => "NEEDS_REVIEW",
        _ => "",
    };

    public static readonly IReadOnlyList<VettingStatus> VettingStatuses =
        [VettingStatus.Pending, VettingStatus.NeedsReview, VettingStatus.Eligible, VettingStatus.Ineligible];

    public static string Result(FindingResult result) => result switch
    {
        FindingResult.Pass => "Đạt",
        FindingResult.Fail => "Không đạt",
        FindingResult.CannotTell => "Không xác định được",
        _ => "—",
    };

    public static string ResultClass(FindingResult result) => result switch
    {
        FindingResult.Pass => "ok",
        FindingResult.Fail => "bad",
        FindingResult.CannotTell => "warn",
        _ => "",
    };

    public static string Sex(Sex sex) => sex switch
    {
        DelegateAffairs.V1.Sex.Male => "Nam",
        DelegateAffairs.V1.Sex.Female => "Nữ",
        _ => "—",
    };

    public static string Nominating(NominatingLevel level) => level switch
    {
        NominatingLevel.Central => "Trung ương giới thiệu",
        NominatingLevel.Local => "Địa phương giới thiệu",
        NominatingLevel.Self => "Tự ứng cử",
        _ => "—",
    };

    public static string Disqualifier(Disqualifier disqualifier) => disqualifier switch
    {
        DelegateAffairs.V1.Disqualifier.DeprivedOfRightToStand => "Đang bị tước quyền ứng cử theo bản án, quyết định của Tòa án",
        DelegateAffairs.V1.Disqualifier.Imprisoned => "Đang phải chấp hành hình phạt tù",
        DelegateAffairs.V1.Disqualifier.LegallyIncapacitated => "Bị hạn chế hoặc bị mất năng lực hành vi dân sự",
        DelegateAffairs.V1.Disqualifier.Prosecuted => "Đang bị khởi tố bị can",
        DelegateAffairs.V1.Disqualifier.ServingSentence => "Đang chấp hành bản án, quyết định hình sự của Tòa án",
        DelegateAffairs.V1.Disqualifier.ConvictedNotCleared => "Đã chấp hành xong bản án, quyết định hình sự nhưng chưa được xóa án tích",
        DelegateAffairs.V1.Disqualifier.CompulsoryEducation => "Đang bị đưa vào trường giáo dưỡng, cơ sở giáo dục bắt buộc, cơ sở cai nghiện bắt buộc hoặc bị áp dụng biện pháp giáo dục tại xã, phường, thị trấn",
        _ => "—",
    };

    public static string Criterion(string criterion) => criterion switch
    {
        "women" => "Phụ nữ",
        "ethnic_minority" => "Người dân tộc thiểu số",
        "non_party" => "Người ngoài Đảng",
        "under_40" => "Người dưới 40 tuổi",
        "re_elected" => "Đại biểu tái cử",
        "full_time" => "Đại biểu chuyên trách",
        _ => criterion,
    };

    public static string YesNo(bool value) => value ? "Có" : "Không";

    /// <summary>
    /// A vetting reason as the service words it, "organization: …", with the body named in Vietnamese
    /// ("Ban Tổ chức Trung ương: …"); other reasons as they are.
    /// </summary>
    public static string Reason(string reason)
    {
        foreach (var body in ServiceChannels.Bodies)
        {
            if (reason.StartsWith(body + ":", StringComparison.Ordinal))
            {
                return Labels.Body(body) + reason[body.Length..];
            }
        }
        return reason;
    }
}
