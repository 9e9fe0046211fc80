namespace Integration.Testing;

/// <summary>
/// Waits for background work (a Hangfire job) to show its effect, checking often and giving up after a generous limit.
/// This is not a timing assertion: the limit only keeps a broken job from hanging the run.
/// </summary>
public static class Eventually
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Gave up waiting for {what} after {seconds} s; last value: {value}");
            }

            await Task.Delay(100);
        }
    }
}
