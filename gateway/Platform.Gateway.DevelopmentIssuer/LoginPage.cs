using System.Net;

namespace Platform.Gateway.DevelopmentIssuer;

/// <summary>
/// The development sign-in page (Vietnamese first), in the screens' look and under their name: it is the first
/// page a person meets. After a failed attempt it keeps the user name typed, so only the password is typed again.
/// </summary>
public static class LoginPage
{
    public const string ProductName = "Kế hoạch liên tịch";

    public static string Render(string? returnUrl, string? error, string? username = null) => $$"""
        <!doctype html>
        <html lang="vi">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Đăng nhập — {{ProductName}}</title>
          <link rel="stylesheet" href="/screens/site.css">
        </head>
        <body>
        <header class="top"><span class="product">{{ProductName}}</span></header>
        <main id="main" class="login">
          <h1>Đăng nhập</h1>
          {{(error is null ? "" : "<p class=\"error-summary\" role=\"alert\">Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng nhập lại mật khẩu.</p>")}}
          <form class="edit" method="post" action="/account/login">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "/")}}">
            <label for="username">Tên đăng nhập</label>
            <input id="username" name="username" autocomplete="username" required value="{{WebUtility.HtmlEncode(username ?? "")}}"{{(error is null ? " autofocus" : "")}}>
            <label for="password">Mật khẩu</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required{{(error is null ? "" : " autofocus")}}>
            <button type="submit">Đăng nhập</button>
          </form>
          <p class="hint">Môi trường phát triển: tài khoản <code>&lt;cơ quan&gt;-&lt;vai trò&gt;</code> (ví dụ <code>home-affairs-editor</code>), mật khẩu <code>dev-secret</code>.</p>
        </main>
        </body>
        </html>
        """;
}
