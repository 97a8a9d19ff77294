using System.Diagnostics;
using System.Globalization;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// A peer proxy (Debian's nginx or HAProxy) run as a private foreground process with its own configuration under the
/// benchmark's state folder, in front of the same service as the gateway: never the packages' system services.
/// </summary>
public sealed class PeerProxy : IAsyncDisposable
{
    private readonly ProcessStartInfo _start;
    private Process? _process;

    private PeerProxy(string name, int port, string configFile, ProcessStartInfo start)
    {
        Name = name;
        Port = port;
        ConfigFile = configFile;
        _start = start;
    }

    public string Name { get; }
    public int Port { get; }
    public string ConfigFile { get; }
    public int Pid => _process?.Id ?? 0;

    /// <summary>CPU seconds of the proxy and its worker processes (nginx's master and workers; HAProxy's one process).</summary>
    public double CpuSeconds => ProcFs.TreeCpuSeconds(Pid);

    /// <summary>
    /// nginx with `grpc_pass` to the service (h2c both ways). Fair settings: an upstream keep-alive pool larger than
    /// the benchmark's concurrency (nginx does not multiplex upstream: one connection per request in flight) and
    /// keepalive_requests raised on both sides, so that neither the client's nor the upstream connections are closed
    /// every 1,000 requests. One worker per core, access log off (as YARP's per-request logging is off).
    /// </summary>
    public static PeerProxy Nginx(string state, int servicePort, int upstreamKeepalive)
    {
        var dir = Directory.CreateDirectory(Path.Combine(state, "nginx")).FullName;
        var port = FreePort.Next();
        var config = Path.Combine(dir, "nginx.conf");
        File.WriteAllText(config, $$"""
            # Written by bench/Platform.Bench (PeerProxies.cs) for one run.
            daemon off;
            master_process on;
            worker_processes auto;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 8192; }
            http {
                access_log off;
                client_body_temp_path {{dir}}/client_body;
                proxy_temp_path {{dir}}/proxy;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;
                keepalive_requests 1000000;
                http2_max_concurrent_streams 256;
                upstream service {
                    server 127.0.0.1:{{servicePort}};
                    keepalive {{upstreamKeepalive}};
                    keepalive_requests 1000000;
                    keepalive_timeout 300s;
                }
                server {
                    listen 127.0.0.1:{{port}} http2;
                    location / {
                        grpc_pass grpc://service;
                    }
                }
            }
            """);
        var start = new ProcessStartInfo("/usr/sbin/nginx") { ArgumentList = { "-c", config, "-p", dir + "/" } };
        return new PeerProxy("nginx", port, config, start);
    }

    /// <summary>
    /// HAProxy with h2 on both sides (`proto h2` on the bind and the server line) and connection reuse to the service.
    /// The benchmark's clients speak h2c, so `http-request set-uri http://%[req.hdr(host)]%[pathq]` (which an
    /// HTTP/1.1 client would need to reach an h2c server) is not needed here. One thread per core.
    /// </summary>
    public static PeerProxy HaProxy(string state, int servicePort)
    {
        var dir = Directory.CreateDirectory(Path.Combine(state, "haproxy")).FullName;
        var port = FreePort.Next();
        var config = Path.Combine(dir, "haproxy.cfg");
        File.WriteAllText(config, $$"""
            # Written by bench/Platform.Bench (PeerProxies.cs) for one run.
            global
                nbthread {{Environment.ProcessorCount}}
                maxconn 4000
                pidfile {{dir}}/haproxy.pid
            defaults
                mode http
                timeout connect 5s
                timeout client 120s
                timeout server 120s
                http-reuse always
            frontend grpc
                bind 127.0.0.1:{{port}} proto h2
                default_backend service
            backend service
                server primary 127.0.0.1:{{servicePort}} proto h2

            """); // HAProxy refuses a file whose last line has no line feed
        var start = new ProcessStartInfo("/usr/sbin/haproxy") { ArgumentList = { "-db", "-f", config } };
        return new PeerProxy("haproxy", port, config, start);
    }

    /// <summary>Starts the proxy and waits until it accepts connections.</summary>
    public async Task StartAsync(string logFile)
    {
        _start.RedirectStandardOutput = true;
        _start.RedirectStandardError = true;
        _process = Process.Start(_start)!;
        var log = new StreamWriter(logFile, append: false) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see {logFile}");
            }
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            return true;
        }, $"{Name} to listen on {Port.ToString(CultureInfo.InvariantCulture)}", TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null; // stopped early for the footprint, then disposed again at the end of the run
    }
}
