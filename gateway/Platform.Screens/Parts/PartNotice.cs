using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Platform.Screens.Parts;

/// <summary>What a part of a page says in place of its data: the service is down, the person may not see it, and so on.</summary>
public static class PartNotice
{
    /// <summary>
    /// The notice for <paramref name="state"/> (nothing when the part is shown): <paramref name="what"/> names the part
    /// ("lịch trình bầu cử"), <paramref name="body"/> the service it comes from, <paramref name="denied"/> who may see it.
    /// </summary>
    public static IHtmlContent For(PartState state, string what, string body, string? denied = null)
    {
        var (cssClass, text) = state switch
        {
            PartState.Unavailable => ("unavailable", $"Không lấy được {what}: dịch vụ của {Labels.Body(body)} đang không trả lời. Phần còn lại của trang vẫn dùng được."),
            PartState.Denied => ("denied", denied ?? $"Tài khoản của bạn không được xem {what}."),
            PartState.NotFound => ("denied", $"Không tìm thấy {what}."),
            PartState.Rejected => ("denied", $"Không đọc được {what}: yêu cầu không hợp lệ (đường dẫn, bộ lọc hoặc trang)."),
            _ => ("", ""),
        };
        if (text.Length == 0)
        {
            return HtmlString.Empty;
        }
        var notice = new TagBuilder("p");
        notice.AddCssClass(cssClass);
        notice.Attributes["role"] = "status";
        notice.InnerHtml.Append(text);
        return notice;
    }
}
