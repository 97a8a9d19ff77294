using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

public static class FreePort
{
    // Below Linux's ephemeral range (32768–60999): a port the OS picked for "any port" comes from that range, where the
    // next outgoing connection (to PostgreSQL, RabbitMQ, a service) may take it before the server we start binds it,
    // and where another test process's picks fall too. Drawn at random, never twice in this process.
    private const int First = 10_000, Last = 32_000;
    private static readonly HashSet<int> Given = [];
    // The fixed ports of test.sh and run.sh's servers (scripts/ports.sh) and RabbitMQ's defaults.
    private static readonly HashSet<int> Reserved = [15672, 15673, 25672, 25673, 26673];

    /// <summary>A loopback port nobody listens on right now, not handed out before by this process.</summary>
    public static int Next()
    {
        lock (Given)
        {
            while (true)
            {
                var port = Random.Shared.Next(First, Last);
                if (Reserved.Contains(port) || !Given.Add(port) || !IsFree(port))
                {
                    continue;
                }
                return port;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
