using Grpc.Core;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Platform.Contracts.Errors;

namespace Platform.Screens.Forms;

/// <summary>
/// Why a form's last submission was not saved, as the service that refused it said: each field violation
/// (google.rpc.BadRequest) next to the input it names, everything else at the top of the page. The services
/// validate; the screens only show what they answered, in Vietnamese from the reasons it carries.
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
    /// has no input for (its message then goes to the top). The words come from <see cref="ErrorTexts"/> by the
    /// refusal's reasons; the services' English messages are never read.
    /// </summary>
    public void Add(RpcException failure, string body, Func<string, string?> inputFor)
    {
        var refusal = ServiceRefusal.Of(failure);
        if (failure.StatusCode == StatusCode.InvalidArgument && refusal.Fields.Count > 0)
        {
            AddPage(ErrorTexts.Refusal(ErrorReasons.InvalidFields, refusal.Metadata)!);
            foreach (var field in refusal.Fields)
            {
                var message = ErrorTexts.Field(field.Reason, field.Field, field.Values) ?? "Giá trị không hợp lệ.";
                if (inputFor(field.Field) is { } inputId)
                {
                    AddField(inputId, message);
                }
                else
                {
                    AddPage($"{field.Field}: {message}");
                }
            }
            return;
        }
        if (ErrorTexts.Refusal(refusal.Reason, refusal.Metadata) is { } known)
        {
            AddPage(known);
            return;
        }
        // A reason this gateway does not know yet (a newer service): said by the status code alone.
        AddPage(failure.StatusCode switch
        {
            StatusCode.InvalidArgument => "Chưa lưu: dữ liệu không hợp lệ.",
            StatusCode.Aborted => "Chưa lưu: dữ liệu vừa được người khác thay đổi. Vui lòng tải lại trang.",
            StatusCode.FailedPrecondition => "Không thể thực hiện ở trạng thái hiện tại của hồ sơ.",
            StatusCode.PermissionDenied or StatusCode.Unauthenticated => "Bạn không có quyền thực hiện thao tác này.",
            StatusCode.NotFound => "Không tìm thấy dữ liệu cần sửa.",
            StatusCode.AlreadyExists => "Đã có dữ liệu với mã này; vui lòng chọn mã khác.",
            _ => $"Chưa lưu: dịch vụ của {Labels.Body(body)} đang không trả lời. Vui lòng thử lại sau.",
        });
    }

    private static string MessageId(string inputId) => inputId + "-error";
}
