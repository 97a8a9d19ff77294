using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Platform.Gateway.Screens.Forms;

/// <summary>
/// Why a form's last submission was not saved, as the service that refused it said: each field violation
/// (google.rpc.BadRequest) next to the input it names, everything else at the top of the page. The services
/// validate; the screens only show what they answered, in Vietnamese where the message is known.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _page = [];

    public bool Any => _fields.Count > 0 || _page.Count > 0;

    /// <summary>The messages shown at the top of the page.</summary>
    public IReadOnlyList<string> PageMessages => _page;

    /// <summary>Names an input for the summary at the top ("Tên nội dung: Bắt buộc…"); null leaves the message alone.</summary>
    public Func<string, string?> LabelOf { get; init; } = _ => null;

    /// <summary>Every message of an input with the input's id, for the summary's links to the inputs.</summary>
    public IEnumerable<(string InputId, string Message)> FieldMessages =>
        _fields.SelectMany(f => f.Value.Select(message => (f.Key, LabelOf(f.Key) is { } label ? $"{label}: {message}" : message)));

    public void AddPage(string message) => _page.Add(message);

    public void AddField(string inputId, string message)
    {
        if (!_fields.TryGetValue(inputId, out var messages))
        {
            _fields[inputId] = messages = [];
        }
        messages.Add(message);
    }

    public bool Has(string inputId) => _fields.ContainsKey(inputId);

    /// <summary>The id of the input's message, for its aria-describedby; null (no attribute) when it has none.</summary>
    public string? DescribedBy(string inputId) => Has(inputId) ? MessageId(inputId) : null;

    /// <summary>"true" for aria-invalid when the input has a message; null (no attribute) otherwise.</summary>
    public string? Invalid(string inputId) => Has(inputId) ? "true" : null;

    /// <summary>The input's messages as a span of class "field-error" (nothing when it has none).</summary>
    public IHtmlContent For(string inputId)
    {
        if (!_fields.TryGetValue(inputId, out var messages))
        {
            return HtmlString.Empty;
        }
        var span = new TagBuilder("span");
        span.AddCssClass("field-error");
        span.Attributes["id"] = MessageId(inputId);
        span.InnerHtml.Append(string.Join(" ", messages));
        return span;
    }

    /// <summary>
    /// Takes a write's refusal by <paramref name="body"/>'s service. <paramref name="inputFor"/> gives the id of the
    /// input a violated field was entered in (e.g. "participation.agenda_items[2].title"), or null for one the form
    /// has no input for (its message then goes to the top).
    /// </summary>
    public void Add(RpcException failure, string body, Func<string, string?> inputFor)
    {
        switch (failure.StatusCode)
        {
            case StatusCode.InvalidArgument:
                var violations = failure.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations;
                if (violations is not { Count: > 0 })
                {
                    AddPage($"Chưa lưu: dữ liệu không hợp lệ ({failure.Status.Detail}).");
                    return;
                }
                AddPage("Chưa lưu: vui lòng sửa các mục được đánh dấu.");
                foreach (var violation in violations)
                {
                    var message = Violation(violation.Description);
                    if (inputFor(violation.Field) is { } inputId)
                    {
                        AddField(inputId, message);
                    }
                    else
                    {
                        AddPage($"{violation.Field}: {message}");
                    }
                }
                return;
            case StatusCode.Aborted:
                AddPage("Chưa lưu: dữ liệu vừa được người khác thay đổi. Trang đã hiện dữ liệu mới nhất; vui lòng kiểm tra rồi gửi lại.");
                return;
            case StatusCode.FailedPrecondition:
                AddPage("Không thể thực hiện: " + Precondition(failure.Status.Detail));
                return;
            case StatusCode.PermissionDenied or StatusCode.Unauthenticated:
                AddPage("Bạn không có quyền thực hiện thao tác này.");
                return;
            case StatusCode.NotFound:
                AddPage("Không tìm thấy dữ liệu cần sửa (có thể lời mời hoặc nhiệm vụ chưa được chuyển đến).");
                return;
            case StatusCode.AlreadyExists:
                AddPage("Đã có dữ liệu với mã này; vui lòng chọn mã khác.");
                return;
            default:
                AddPage($"Chưa lưu: dịch vụ của {Labels.Body(body)} đang không trả lời. Vui lòng thử lại sau.");
                return;
        }
    }

    private static string MessageId(string inputId) => inputId + "-error";

    /// <summary>The services' violation descriptions in Vietnamese; one not known here is shown as it came.</summary>
    public static string Violation(string description)
    {
        foreach (var (pattern, vietnamese) in Violations)
        {
            var match = pattern.Match(description);
            if (match.Success)
            {
                return string.Format(System.Globalization.CultureInfo.InvariantCulture, vietnamese,
                    match.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray());
            }
        }
        return description;
    }

    private static string Precondition(string detail) => detail switch
    {
        _ when detail.Contains("contributions are closed", StringComparison.Ordinal) => "hội nghị đã kết luận, không thể đóng góp thêm.",
        _ when detail.Contains("cannot decline its own conference", StringComparison.Ordinal) =>
            "cơ quan chủ trì không thể từ chối hội nghị của mình; hãy hoãn hội nghị.",
        _ when detail.Contains("not scheduled yet", StringComparison.Ordinal) =>
            "hội nghị chưa được xếp lịch; số người dự và mô hình, cách làm hay được ghi nhận trong hoặc sau hội nghị.",
        _ when detail.Contains("only a scheduled conference is concluded", StringComparison.Ordinal) =>
            "chỉ ban hành kết luận cho hội nghị đã xếp lịch (và chưa kết luận).",
        _ when detail.Contains("header can no longer change", StringComparison.Ordinal) => "hội nghị đã kết luận, không thể sửa thông tin chung.",
        _ when detail.Contains("is not ready", StringComparison.Ordinal) =>
            "hội nghị chưa sẵn sàng: còn cơ quan chưa hoàn thành phần việc. Hãy chờ, tiếp tục không chờ cơ quan đó, hoặc hoãn hội nghị.",
        _ when detail.Contains("not being planned", StringComparison.Ordinal) => "hội nghị không còn ở giai đoạn chuẩn bị.",
        _ => detail,
    };

    private static readonly (Regex Pattern, string Vietnamese)[] Violations =
    [
        (Exactly(@"is required \(at most (\d+) characters\)"), "Bắt buộc, tối đa {0} ký tự."),
        (Exactly(@"is at most (\d+) characters"), "Tối đa {0} ký tự."),
        (Exactly(@"is required \(YYYY-MM-DD\)"), "Bắt buộc: nhập một ngày."),
        (Exactly(@"must be a date YYYY-MM-DD"), "Phải là một ngày hợp lệ."),
        (Exactly(@"must be a time HH:MM"), "Phải là giờ dạng HH:MM."),
        (Exactly(@"is required"), "Bắt buộc."),
        (Exactly(@"is required when declining"), "Cần nêu lý do khi từ chối."),
        (Exactly(@"must be accepted or declined"), "Chọn nhận lời hoặc từ chối."),
        (Exactly(@"is required \(report, good practice, discussion or conclusion\)"), "Chọn loại nội dung."),
        (Exactly(@"must be (\d+) to (\d+) minutes"), "Từ {0} đến {1} phút."),
        (Exactly(@"must be (\d+) to (\d+)"), "Từ {0} đến {1}."),
        (new Regex(@"^must be (\d+) to (\d+) of a-z, 0-9 and '-'"), "Từ {0} đến {1} ký tự: chữ thường không dấu (a-z), số (0-9) hoặc '-'."),
        (Exactly(@"'(.*)' is used twice"), "Mã '{0}' đã được dùng."),
        (Exactly(@"'' is not an administrative unit"), "Bắt buộc: nhập mã đơn vị hành chính."),
        (Exactly(@"'(.*)' is not an administrative unit"), "'{0}' không phải là mã đơn vị hành chính."),
        (Exactly(@"'(.*)' does not exist on (.*) \(merged or not yet created\)"), "Đơn vị '{0}' không tồn tại vào ngày {1} (đã sáp nhập hoặc chưa thành lập)."),
        (Exactly(@"names at least one owner body"), "Chọn ít nhất một cơ quan thực hiện."),
        (Exactly(@"'(.*)' is not a body taking part in this conference"), "'{0}' không tham gia hội nghị này."),
        (Exactly(@"names a body twice"), "Một cơ quan được chọn hai lần."),
        (Exactly(@"is before the conference"), "Không được trước ngày hội nghị."),
        (Exactly(@"names (\d+) to (\d+) documents"), "Cần từ {0} đến {1} văn bản làm căn cứ."),
        (Exactly(@"is required, e\.g\. (.*)"), "Bắt buộc, ví dụ {0}."),
        (Exactly(@"must be between the conference \((.*)\) and today"), "Phải từ ngày hội nghị ({0}) đến hôm nay."),
        (Exactly(@"holds (\d+) to (\d+) tasks"), "Cần từ {0} đến {1} nhiệm vụ."),
        (new Regex(@"^holds at most (\d+)"), "Tối đa {0} mục."),
        (Exactly(@"'(.*)' is not a bridge point of (.*)"), "'{0}' không phải là điểm cầu của {1}."),
        (Exactly(@"'(.*)' does not take part in this conference"), "'{0}' không tham gia hội nghị này."),
        (Exactly(@"repeats a bridge point"), "Điểm cầu bị nhập hai lần."),
        (Exactly(@"must not be after the conference's date"), "Không được sau ngày hội nghị."),
        (Exactly(@"is before period_start"), "Trước ngày bắt đầu kỳ sơ kết."),
        (Exactly(@"must be one of the bodies organizing the conference"), "Phải là một trong các cơ quan tổ chức hội nghị."),
        (Exactly(@"names at least one other body"), "Chọn ít nhất một cơ quan phối hợp."),
        (Exactly(@"is not an etag this API returned"), "Trang đã cũ; vui lòng tải lại."),
    ];

    private static Regex Exactly(string pattern) => new($"^{pattern}$", RegexOptions.CultureInvariant);
}
