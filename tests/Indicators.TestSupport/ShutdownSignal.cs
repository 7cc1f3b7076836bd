using System.Runtime.InteropServices;

namespace Indicators.TestSupport;

/// <summary>
/// A token that Ctrl+C and SIGTERM cancel instead of killing the process, so a long program's using and finally blocks
/// (the benchmarks, the fault campaign) still stop its cluster and processes and delete its files.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    readonly CancellationTokenSource cancel = new();
    readonly PosixSignalRegistration terminate;

    public ShutdownSignal()
    {
        Console.CancelKeyPress += OnCancelKey;
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });
    }

    public CancellationToken Token => cancel.Token;

    public bool IsCancellationRequested => cancel.IsCancellationRequested;

    void OnCancelKey(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        cancel.Cancel();
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKey;
        terminate.Dispose();
        cancel.Dispose();
    }
}
