using System.Net;

namespace Platform.Gateway.Identity;

/// <summary>The development sign-in page (Vietnamese first).</summary>
public static class LoginPage
{
    public static string Render(string? returnUrl, string? error) => $$"""
        <!doctype html>
        <html lang="vi">
        <head><meta charset="utf-8"><title>Đăng nhập — Nền tảng phối hợp</title></head>
        <body>
          <h1>Đăng nhập</h1>
          <p>Môi trường phát triển: tài khoản <code>&lt;cơ quan&gt;-&lt;vai trò&gt;</code>, mật khẩu <code>dev-secret</code>.</p>
          {{(error is null ? "" : "<p role=\"alert\">Tên đăng nhập hoặc mật khẩu không đúng.</p>")}}
          <form method="post" action="/account/login">
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl ?? "/")}}">
            <label>Tên đăng nhập <input name="username" autocomplete="username" required></label>
            <label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Đăng nhập</button>
          </form>
        </body>
        </html>
        """;
}
