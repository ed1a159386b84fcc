using Microsoft.Extensions.Logging.Abstractions;
using SproHub.Shared.Jobs;
using Xunit;

namespace Host.Tests;

/// <summary>Background work never runs on a database still being prepared (it used to log « no such table » after a crashed start).</summary>
public sealed class PeriodicJobTests
{
    [Fact]
    public async Task A_job_waits_for_the_platform_to_be_ready_then_runs_at_each_period()
    {
        var readiness = new Readiness();
        using var job = new CountingJob(readiness, TimeSpan.FromMilliseconds(20));
        await job.StartAsync(CancellationToken.None);

        await Task.Delay(300);
        Assert.Equal(0, job.Runs);

        readiness.Complete();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (job.Runs < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(job.Runs >= 2, $"{job.Runs} passe(s)");
        await job.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_job_never_runs_when_the_platform_could_not_be_prepared_or_the_job_is_off()
    {
        var failed = new Readiness();
        using var job = new CountingJob(failed, TimeSpan.FromMilliseconds(20));
        using var off = new CountingJob(new Readiness(completed: true), TimeSpan.Zero);
        await job.StartAsync(CancellationToken.None);
        await off.StartAsync(CancellationToken.None);

        failed.Fail();
        await Task.Delay(300);

        Assert.Equal(0, job.Runs);
        Assert.Equal(0, off.Runs);
    }

    private sealed class Readiness(bool completed = false) : IPlatformReadiness
    {
        private readonly TaskCompletionSource _ready = Completed(completed);
        public Task Ready => _ready.Task;
        public void Complete() => _ready.SetResult();
        public void Fail() => _ready.SetException(new InvalidOperationException("base injoignable"));

        private static TaskCompletionSource Completed(bool completed)
        {
            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (completed) source.SetResult();
            return source;
        }
    }

    private sealed class CountingJob(IPlatformReadiness readiness, TimeSpan period) : PeriodicJob(readiness, NullLogger.Instance)
    {
        private int _runs;
        public int Runs => _runs;
        protected override TimeSpan? Period => period;
        protected override TimeSpan FirstDelay => TimeSpan.Zero;
        protected override string Name => "Travaux d'essai";
        protected override Task RunOnceAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            return Task.CompletedTask;
        }
    }
}
