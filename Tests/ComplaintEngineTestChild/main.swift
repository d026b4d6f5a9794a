// A child process for the engine's crash tests. Not part of the library.
//
//   complaint-engine-test-child run DIR [COMPLAINTS] [SEED]
//       open a durable engine on DIR (ManualClock set to each step's time) and submit the standard
//       workload's commands one at a time in schedule order, printing "ack <commandId>" after each
//       accepted `handle` returns; "done" at the end (then it waits to be killed), "refused <commandId>
//       <reason>" on a refusal.
import ComplaintEngine
import ComplaintLMDB
import ComplaintWorkflow
import Foundation

/// Writes a line to stdout at once (unbuffered), so the parent sees every acknowledgement.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, arguments[1] == "run" else {
    FileHandle.standardError.write(Data("usage: complaint-engine-test-child run DIR [COMPLAINTS] [SEED]\n".utf8))
    exit(64)
}
let directory = arguments[2]
let complaints = arguments.count > 3 ? Int(arguments[3]) ?? 40 : 40
let seed = arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1

let workload = StandardWorkload(seed: seed)
let clock = ManualClock(workload.start)
let engine: ComplaintEngine
do {
    engine = try await ComplaintEngine.open(
        directory: directory,
        configuration: .init(policy: StandardWorkload.policy, clock: clock, durability: .durable))
} catch {
    say("error \(error)")
    exit(1)
}
for due in workload.schedule(complaints: complaints) {
    for step in due {
        clock.set(step.time)
        do {
            try await engine.handle(step.envelope)
        } catch {
            say("refused \(step.envelope.commandId) \(error)")
            exit(2)
        }
        say("ack \(step.envelope.commandId)")
    }
}
say("done")
// Wait to be killed: on a loaded machine the parent may read its chosen number of acks only after the
// whole workload ran, and its kill must still find the process (it then lands after the last commit).
while true { pause() }
