import ComplaintPolicy

/// The improvement (PDCA) section of `Specs/workflow.md`, generated from ``ImprovementTable``.
enum ImprovementSpec {
    static func markdown() -> String {
        [statuses(), table(), rules(), suggestions(), refinements()].joined(separator: "\n")
    }

    private static func statuses() -> String {
        """
        ## Improvement cycles (PDCA, DOMAIN.md §7)

        Statuses: \(ImprovementStatus.allCases.map { "`\($0.rawValue)`" }.joined(separator: " → "))
        (outcome \(ImprovementOutcome.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "))). Plan = `open`,
        `awaitingApproval`; Do = `doing`; Check = `checking`; Act = `standardising` (QK §2.1, §2.4; 001 §1.3
        計劃-執行-檢查-處理). Action
        phases: `planned` → `started` → `completed`, or `dropped` from `planned` or `started` (QK §2.3.3, proposal).
        Commands are decided by `decideImprovement` and folded by `evolveImprovement`; the refusal order is the
        one above (a closed cycle refuses everything with `alreadyClosed`). `system`, `auditor` and `customer`
        may issue no improvement command. "owner" is the cycle's owner, "action owner" the owner of the action
        the command names.

        """
    }

    private static func table() -> String {
        var lines = [
            "| Command | Events | Roles | From | To | Preconditions (last stage) | Source |",
            "|---|---|---|---|---|---|---|",
        ]
        for row in ImprovementTable.rows {
            let events = row.events.map(\.typeName).joined(separator: " / ")
            var to = row.to.isEmpty ? "unchanged" : row.to.map { "`\($0.rawValue)`" }.joined(separator: " or ")
            if let condition = row.toCondition { to += " (\(condition))" }
            let preconditions = row.preconditions.isEmpty
                ? "—" : row.preconditions.map { "\($0.check) (`\($0.code.rawValue)`)" }.joined(separator: "; ")
            lines.append("| \(row.command.rawValue) | \(events) | \(row.roles.summary) | \(row.fromSummary) | \(to) | \(preconditions) | \(row.source) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func rules() -> String {
        """
        ### Check: the verdict and the next cycle

        The engine measures each objective's KPI over its `baseline` window and over the result window (EvaluateEffect
        `window`, default: from the end of the Do phase, when the last action finished, to the command's time), with the
        objective's filter and the cohort rule of DOMAIN.md §6, and passes the figures to the decision. Verdict:
        `effective` when every objective's result reaches its target in its KPI's direction (`higher`: ≥, `lower`: ≤);
        `partial` when every result is strictly better than its baseline in that direction but not all reached their
        targets; `ineffective` otherwise, and whenever a figure is null (or missing, or not finite). EffectEvaluated
        records the window, the verdict and per objective `{objectiveId, kpi, target, baselineFigure, resultFigure,
        reached, improved}`. `effective` moves to `standardising`; `partial` and `ineffective` close the cycle with
        outcome `nextCycle` and, in the same commit, record ImprovementOpened in the new stream `nextCycleId` (trigger
        `kpiBelowTarget`, `previousCycleId`, the same evidence, problem, impact scope and owner, and the same
        objectives under `objectives`), by the evaluator (QK §2.4 CHECKING → NEXT_CYCLE; 000 §11.1
        針對問題進行及時調整). The move from `doing` to `checking` has no event of its own: it follows the
        ActionCompleted or ActionDropped that finishes the last action.

        State fields: `status`, `outcome`, `owner`, `trigger`, `evidence`, `objectives` (with `baselineFigure` and
        `resultFigure`), `actions` (with `phase`), `verdict`, `previousCycleId`, `nextCycleId`.

        """
    }

    private static func suggestions() -> String {
        let standard = ServicePolicy.standard
        let recurring = standard.setting(.recurringRootCause)
        let below = standard.setting(.kpiBelowTarget)
        return """
        ### Suggestions (stream `improvement-suggestions`)

        ImprovementSuggested `{suggestionId, rule, evidence, figures}`, actor `system`, command id
        `suggestion:<suggestionId>`, computed by `suggestImprovements` from facts the engine gathers (QK §2.2
        高頻問題 001 §3.3, monthly report 001 §3.2; §2.5 triggers; thresholds: policy, QK §2.2: none in the sources).
        - `recurringRootCause` (`standard`: count \(recurring.count), days \(recurring.days)): per root-cause class and
          category, `count` closed complaints whose closing times lie in `(latest − days × 24 h, latest]`; evidence:
          the complaint ids; `suggestionId` `recurringRootCause:<causeClass>:<category>:<FNV-1a 64 of the ids>`.
        - `kpiBelowTarget` (`standard`: periods \(below.periods)): `periods` consecutive months whose figure misses the
          `kpiTargets` value in the KPI's direction (a null figure breaks the run); evidence: the months (`YYYY-MM`);
          `suggestionId` `kpiBelowTarget:<kpi>:<first>..<last>`.

        Evidence already used by a recorded suggestion of the same rule (and class and category, or KPI) is not used
        again, so nothing is suggested twice. An improvement opened from a suggestion names it as `suggestionId`
        (trigger `recurringProblem` or `kpiBelowTarget`).

        """
    }

    private static func refinements() -> String {
        """
        ### Refinements of DOMAIN.md §7 (names unchanged)

        - `impactScope` takes the value set of DOMAIN.md §1 (`reputation`, `otherCustomers`, `operations`), a list that
          may be empty; `evidence` may be empty (e.g. trigger `manual`).
        - SetObjective and PlanAction with an id already used replace that objective or action while the plan is open
          (a re-planned action is `planned` again). A rate's target is in 0…1; a mean's is not negative.
        - StartAction needs a `planned` action; CompleteAction and DropAction a `planned` or `started` one (else
          `invalidTransition`, rule `actionPhase`). An unknown action is `validationFailed`, field `actionId`, in the
          last stage (the action owner is only known for a planned action, so a non-owner gets `notPermitted` first).
        - EvaluateEffect: `nextCycleId` is checked once the verdict is known (last stage): required unless `effective`
          (`validationFailed`), and its stream must not exist (`streamExists`); a `nextCycleId` or `previousCycleId`
          naming the command's own stream is `validationFailed` (first stage). EffectEvaluated carries `nextCycleId`
          only when a next cycle was opened.
        - CancelImprovement records ImprovementClosed `{reason}`; the outcome `cancelled` follows from the event type.
        - ImprovementSuggested carries its rule in its data: the `rule` envelope field is for the automatic rules of §5.

        """
    }
}
