using System.Globalization;
using Platform.Contracts.Errors;
using Platform.Vietnamese;

namespace Platform.Screens.Forms;

/// <summary>
/// The one table of what the screens say, in Vietnamese, for each reason a service gives (the ErrorInfo reason of
/// a refusal, the reason of each field violation: <see cref="ErrorReasons"/>), filled with the values the refusal
/// names (its ErrorInfo metadata: Max, Min, Value, Date, Example…). A field path may have its own wording for a
/// reason. Nothing here reads the services' English messages, so rewording them changes nothing on the screens.
/// A test checks that every reason has a line.
/// </summary>
public static class ErrorTexts
{
    /// <summary>What a field violation says beside its input, by reason.</summary>
    private static readonly Dictionary<string, Func<Args, string>> ForField = new()
    {
        [ErrorReasons.Required] = a => a.Has("Min") && a.Has("Max") ? $"Bắt buộc, từ {a["Min"]} đến {a["Max"]} ký tự."
            : a.Has("Max") ? $"Bắt buộc, tối đa {a["Max"]} ký tự."
            : a.Has("Example") ? $"Bắt buộc, ví dụ {a["Example"]}." : "Bắt buộc.",
        [ErrorReasons.TextTooLong] = a => $"Tối đa {a["Max"]} ký tự.",
        [ErrorReasons.ItemCountOutOfRange] = a => a.Has("Min") && a.Has("Max") ? $"Cần từ {a["Min"]} đến {a["Max"]} mục."
            : a.Has("Max") ? $"Tối đa {a["Max"]} mục." : $"Cần ít nhất {a["Min"]} mục.",
        [ErrorReasons.NumberOutOfRange] = a => a.Has("Max") ? $"Từ {a["Min"]} đến {a["Max"]}." : $"Ít nhất là {a["Min"]}.",
        [ErrorReasons.InvalidDate] = _ => "Phải là một ngày hợp lệ.",
        [ErrorReasons.InvalidTime] = _ => "Phải là giờ dạng HH:MM.",
        [ErrorReasons.InvalidFormat] = a => a.Has("Min") && a.Has("Max")
            ? $"Từ {a["Min"]} đến {a["Max"]} ký tự: chữ thường không dấu (a-z), số (0-9) hoặc '-'."
            : "Không đúng định dạng.",
        [ErrorReasons.NotAllowedValue] = a => a.Has("Value") ? $"'{a["Value"]}' không phải là giá trị được chọn ở đây." : "Giá trị không hợp lệ; hãy chọn lại.",
        [ErrorReasons.Duplicate] = a => a.Has("Value") ? $"Mã '{a["Value"]}' đã được dùng." : "Bị nhập hai lần.",
        [ErrorReasons.UnknownReference] = a => a.Has("Value") && a["Value"].Length > 0 ? $"Không tìm thấy '{a["Value"]}'." : "Bắt buộc: nhập một mã có thật.",
        [ErrorReasons.UnitNotValidOnDate] = a => $"Đơn vị '{a["Value"]}' không tồn tại vào ngày {Day(a["Date"])} (đã sáp nhập hoặc chưa thành lập).",
        [ErrorReasons.NotAParticipant] = a => a.Has("Value") ? $"'{a["Value"]}' không tham gia hội nghị này." : "Phải là một trong các cơ quan tổ chức hội nghị.",
        [ErrorReasons.DateTooEarly] = a => IsDay(a["Bound"]) ? $"Không được trước ngày {Day(a["Bound"])}." : "Sớm hơn mức cho phép.",
        [ErrorReasons.DateTooLate] = a => a["Bound"] == "today" ? "Không được sau hôm nay." : IsDay(a["Bound"]) ? $"Không được sau ngày {Day(a["Bound"])}." : "Muộn hơn mức cho phép.",
        [ErrorReasons.Inconsistent] = _ => "Không khớp với các thông tin khác.",
        [ErrorReasons.InvalidEtag] = _ => "Trang đã cũ; vui lòng tải lại.",
        [ErrorReasons.InvalidPageToken] = _ => "Trang đã cũ; vui lòng tải lại danh sách.",
        [ErrorReasons.MalformedValue] = _ => "Có ký tự không lưu được; vui lòng nhập lại.",
    };

    /// <summary>The wording of a reason for one field (its path without indexes), where the general one says too little.</summary>
    private static readonly Dictionary<(string Reason, string Field), Func<Args, string>> ForOneField = new()
    {
        [(ErrorReasons.Required, "participation.decline_reason")] = _ => "Cần nêu lý do khi từ chối.",
        [(ErrorReasons.NotAllowedValue, "participation.response")] = _ => "Chọn nhận lời hoặc từ chối.",
        [(ErrorReasons.Required, "participation.agenda_items.kind")] = _ => "Chọn loại nội dung.",
        [(ErrorReasons.NumberOutOfRange, "participation.agenda_items.minutes")] = a => $"Từ {a["Min"]} đến {a["Max"]} phút.",
        [(ErrorReasons.Duplicate, "participation.bridge_points.key")] = a => $"Mã '{a["Value"]}' đã được dùng.",
        [(ErrorReasons.UnknownReference, "participation.bridge_points.site_code")] = a => a["Value"].Length == 0
            ? "Bắt buộc: nhập mã đơn vị hành chính." : $"'{a["Value"]}' không phải là mã đơn vị hành chính.",
        [(ErrorReasons.Required, "conference.format")] = _ => "Chọn hình thức tổ chức.",
        [(ErrorReasons.ItemCountOutOfRange, "conference.co_organizers")] = _ => "Chọn ít nhất một cơ quan phối hợp.",
        [(ErrorReasons.Duplicate, "conference.co_organizers")] = _ => "Một cơ quan được chọn hai lần.",
        [(ErrorReasons.Inconsistent, "conference.co_organizers")] = _ => "Cơ quan chủ trì không tự mời chính mình.",
        [(ErrorReasons.DateTooEarly, "conference.period_end")] = _ => "Trước ngày bắt đầu kỳ sơ kết.",
        [(ErrorReasons.DateTooLate, "conference.response_deadline")] = _ => "Không được sau ngày hội nghị.",
        [(ErrorReasons.DateTooLate, "response_deadline")] = _ => "Không được sau ngày hội nghị mới.",
        [(ErrorReasons.UnknownReference, "conference.attendance.bridge_point_key")] = a => $"'{a["Value"]}' không phải là điểm cầu của cơ quan này.",
        [(ErrorReasons.Duplicate, "conference.attendance")] = _ => "Điểm cầu bị nhập hai lần.",
        [(ErrorReasons.ItemCountOutOfRange, "conclusion.tasks")] = a => $"Cần từ {a["Min"]} đến {a["Max"]} nhiệm vụ.",
        [(ErrorReasons.ItemCountOutOfRange, "conclusion.tasks.owners")] = _ => "Chọn ít nhất một cơ quan thực hiện.",
        [(ErrorReasons.Duplicate, "conclusion.tasks.owners")] = _ => "Một cơ quan được chọn hai lần.",
        [(ErrorReasons.NotAParticipant, "conclusion.tasks.owners")] = a => $"'{a["Value"]}' không tham gia hội nghị này.",
        [(ErrorReasons.DateTooEarly, "conclusion.tasks.due_date")] = _ => "Không được trước ngày hội nghị.",
        [(ErrorReasons.ItemCountOutOfRange, "conclusion.tasks.legal_basis")] = a => $"Cần từ {a["Min"]} đến {a["Max"]} văn bản làm căn cứ.",
        [(ErrorReasons.DateTooEarly, "conclusion.issued_on")] = a => $"Phải từ ngày hội nghị ({Day(a["Bound"])}) đến hôm nay.",
        [(ErrorReasons.DateTooLate, "conclusion.issued_on")] = _ => "Phải từ ngày hội nghị đến hôm nay.",
        [(ErrorReasons.Required, "reason")] = a => a.Has("Min") // a vetting's conclusion (10 to 2000), a postponement (up to 1000)
            ? $"Hãy ghi rõ lý do, từ {a["Min"]} đến {a["Max"]} ký tự."
            : $"Hãy ghi rõ lý do, tối đa {a["Max"]} ký tự.",
        [(ErrorReasons.NotAllowedValue, "decision")] = _ => "Hãy chọn đủ hoặc không đủ điều kiện.",
    };

    /// <summary>What the page says when a service refuses a whole request, by the ErrorInfo reason.</summary>
    private static readonly Dictionary<string, Func<Args, string>> ForRefusal = new()
    {
        [ErrorReasons.InvalidFields] = _ => "Chưa lưu: vui lòng sửa các mục được đánh dấu.",
        [ErrorReasons.MalformedRequest] = _ => "Chưa lưu: dữ liệu gửi đi không đọc được. Vui lòng tải lại trang và nhập lại.",
        [ErrorReasons.ResourceNotFound] = _ => "Không tìm thấy dữ liệu cần sửa (có thể lời mời hoặc nhiệm vụ chưa được chuyển đến).",
        [ErrorReasons.ResourceAlreadyExists] = _ => "Đã có dữ liệu với mã này; vui lòng chọn mã khác.",
        [ErrorReasons.ConcurrentModification] = _ => "Chưa lưu: dữ liệu vừa được người khác thay đổi. Trang đã hiện dữ liệu mới nhất; vui lòng kiểm tra rồi gửi lại.",
        [ErrorReasons.ConferenceConcluded] = _ => "Không thể thực hiện: hội nghị đã kết luận, không thể thay đổi thêm.",
        [ErrorReasons.ConferenceCancelled] = _ => "Không thể thực hiện: hội nghị đã bị hủy, không thể thay đổi thêm.",
        [ErrorReasons.ConferenceNotPlanning] = _ => "Không thể thực hiện: hội nghị không còn ở giai đoạn chuẩn bị.",
        [ErrorReasons.ConferenceNotScheduled] = _ =>
            "Không thể thực hiện: hội nghị chưa được xếp lịch; số người dự, mô hình, cách làm hay và kết luận được ghi nhận trong hoặc sau hội nghị.",
        [ErrorReasons.ConferenceNotReady] = _ =>
            "Không thể thực hiện: hội nghị chưa sẵn sàng: còn cơ quan chưa hoàn thành phần việc. Hãy chờ, tiếp tục không chờ cơ quan đó, hoặc hoãn hội nghị.",
        [ErrorReasons.LeadCannotDecline] = _ => "Không thể thực hiện: cơ quan chủ trì không thể từ chối hội nghị của mình; hãy hoãn hội nghị.",
        [ErrorReasons.VettingNotInReview] = _ =>
            "Không ghi được kết luận: hồ sơ này không còn ở trạng thái cần xem xét (đã có người kết luận, hoặc kết quả thẩm tra, xác minh đã thay đổi).",
        [ErrorReasons.AccessTokenRequired] = _ => "Phiên làm việc đã hết; vui lòng đăng nhập lại.",
        [ErrorReasons.NotAMember] = _ => "Bạn không thuộc cơ quan nào trong ba cơ quan phối hợp.",
        [ErrorReasons.OtherBodysResource] = _ => "Bạn không có quyền thực hiện thao tác này: dữ liệu thuộc cơ quan khác.",
        [ErrorReasons.RoleRequired] = _ => "Bạn không có quyền thực hiện thao tác này.",
        [ErrorReasons.ScopeRequired] = _ => "Bạn không có quyền thực hiện thao tác này.",
        [ErrorReasons.TokenNotAllowed] = _ => "Bạn không có quyền thực hiện thao tác này.",
        [ErrorReasons.NoAccessRule] = _ => "Thao tác này chưa được mở cho ai; vui lòng báo quản trị hệ thống.",
        [ErrorReasons.RateLimited] = _ => "Bạn thao tác quá nhanh; vui lòng chờ một lát rồi thử lại.",
        [ErrorReasons.RequestTooLarge] = _ => "Dữ liệu gửi đi quá lớn; vui lòng rút gọn.",
        [ErrorReasons.DatabaseUnavailable] = _ => "Chưa lưu: cơ sở dữ liệu đang tạm thời không trả lời. Vui lòng thử lại sau.",
        [ErrorReasons.BrokerUnavailable] = _ => "Chưa thực hiện được: hệ thống chuyển tin đang tạm thời không trả lời. Vui lòng thử lại sau.",
        [ErrorReasons.ServiceUnavailable] = _ => "Chưa lưu: dịch vụ đang không trả lời. Vui lòng thử lại sau.",
        [ErrorReasons.RouteNotFound] = _ => "Không có trang hoặc chức năng này.",
        [ErrorReasons.BodyNotNamed] = _ => "Yêu cầu chưa nêu cơ quan nhận; vui lòng báo quản trị hệ thống.",
        [ErrorReasons.WrongBody] = _ => "Yêu cầu gửi nhầm cơ quan; vui lòng báo quản trị hệ thống.",
        [ErrorReasons.RequestCancelled] = _ => "Thao tác đã bị hủy; vui lòng thử lại.",
        [ErrorReasons.InternalError] = _ => "Đã có lỗi ở hệ thống; vui lòng thử lại sau hoặc báo quản trị hệ thống.",
    };

    /// <summary>Every reason the table has a wording for, for the test that none the services give is missing.</summary>
    public static IReadOnlySet<string> Reasons { get; } = ForField.Keys.Concat(ForRefusal.Keys).ToHashSet();

    /// <summary>The Vietnamese for a field violation; null when the reason is not in the table (a newer service's).</summary>
    public static string? Field(string reason, string fieldPath, IReadOnlyDictionary<string, string> values)
    {
        var args = new Args(values);
        var field = WithoutIndexes(fieldPath);
        var text = ForOneField.TryGetValue((reason, field), out var own) ? own : ForField.GetValueOrDefault(reason);
        return Fill(text, args);
    }

    /// <summary>The Vietnamese for a refusal of the whole request; null when the reason is not in the table.</summary>
    public static string? Refusal(string reason, IReadOnlyDictionary<string, string> metadata) =>
        Fill(ForRefusal.GetValueOrDefault(reason), new Args(metadata));

    private static string? Fill(Func<Args, string>? text, Args args)
    {
        try
        {
            return text?.Invoke(args);
        }
        catch (KeyNotFoundException)
        {
            return null; // the service named fewer values than the wording needs: the caller falls back
        }
    }

    private static bool IsDay(string text) => IsoDate.TryParse(text, out _);

    /// <summary>"2025-10-12" as Vietnamese write it, "12/10/2025".</summary>
    private static string Day(string iso) => IsoDate.TryParse(iso, out var day)
        ? day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : iso;

    /// <summary>"conclusion.tasks[2].owners[0]" → "conclusion.tasks.owners": the field, whichever item of a list.</summary>
    private static string WithoutIndexes(string path)
    {
        var text = new System.Text.StringBuilder(path.Length);
        var inIndex = false;
        foreach (var c in path)
        {
            if (c == '[')
            {
                inIndex = true;
            }
            else if (c == ']')
            {
                inIndex = false;
            }
            else if (!inIndex)
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>The values a refusal names, by name.</summary>
    private sealed class Args(IReadOnlyDictionary<string, string> values)
    {
        public bool Has(string name) => values.ContainsKey(name);

        public string this[string name] => values[name];
    }
}
