// A front end's first minutes with the three services, through the TypeScript clients generated from their OpenAPI
// documents: browse the catalogue, read a question and its rubrics, submit an answer, read it back until it is
// scored, preview a score, and read the problem+json of refusals. Run by deploy/contract/smoke against a running stack.
import * as questions from './target/clients/question-service';
import * as answers from './target/clients/answer-service';
import * as reviews from './target/clients/review-worker';

const env = (name: string, fallback?: string): string => {
    const value = process.env[name] ?? fallback;
    if (value === undefined || value === '') {
        throw new Error(`${name} is not set`);
    }
    return value;
};

const questionUrl = env('QUESTION_SERVICE_URL', 'http://127.0.0.1:8081');
const answerUrl = env('ANSWER_SERVICE_URL', 'http://127.0.0.1:8082');
const reviewUrl = env('REVIEW_WORKER_URL', 'http://127.0.0.1:8083');
const candidateToken = env('CANDIDATE_TOKEN');
const authorToken = env('AUTHOR_TOKEN');
// how long the services may take to learn the catalogue and score an answer (a stack that has just started)
const patienceMs = Number(env('SMOKE_PATIENCE_SECONDS', '120')) * 1000;

const catalogue = new questions.QuestionsApi(new questions.Configuration({ basePath: questionUrl }));
const rubrics = new questions.RubricsApi(new questions.Configuration({ basePath: questionUrl, accessToken: authorToken }));
const candidateAnswers = new answers.AnswersApi(new answers.Configuration({ basePath: answerUrl, accessToken: candidateToken }));
const anonymousAnswers = new answers.AnswersApi(new answers.Configuration({ basePath: answerUrl }));
const preview = new reviews.ScorePreviewApi(new reviews.Configuration({ basePath: reviewUrl, accessToken: authorToken }));

let passed = 0;
let failed = 0;

async function check<T>(name: string, step: () => Promise<T>): Promise<T | undefined> {
    try {
        const result = await step();
        passed++;
        console.log(`ok - ${name}`);
        return result;
    } catch (e) {
        failed++;
        console.log(`not ok - ${name}: ${await describe(e)}`);
        return undefined;
    }
}

function expect(condition: boolean, message: string): void {
    if (!condition) {
        throw new Error(message);
    }
}

interface Refusal {
    status: number;
    contentType: string | null;
    problem: questions.Problem;
}

/** The status and problem+json body of a refusal the generated client threw as a ResponseError, or null. */
async function refusal(e: unknown): Promise<Refusal | null> {
    if (!(e instanceof Error) || e.name !== 'ResponseError') {
        return null;
    }
    const response = (e as Error & { response: Response }).response;
    const body = await response.clone().json().catch(() => ({}));
    return { status: response.status, contentType: response.headers.get('content-type'),
        problem: questions.ProblemFromJSON(body) };
}

async function describe(e: unknown): Promise<string> {
    const refused = await refusal(e);
    if (refused) {
        return `HTTP ${refused.status} ${refused.problem.type}: ${refused.problem.detail}`;
    }
    return e instanceof Error ? e.message : String(e);
}

/** Repeats a call while it is refused with one of the given problem types (the stack is still starting). */
async function patiently<T>(call: () => Promise<T>, waitingFor: string[]): Promise<T> {
    const deadline = Date.now() + patienceMs;
    for (;;) {
        try {
            return await call();
        } catch (e) {
            const refused = await refusal(e);
            const type = refused?.problem.type.replace(/^.*\//, '') ?? '';
            if (!waitingFor.includes(type) || Date.now() > deadline) {
                throw e;
            }
            await new Promise(resolve => setTimeout(resolve, 500));
        }
    }
}

async function expectRefused(call: () => Promise<unknown>, status: number, type: string): Promise<void> {
    try {
        await call();
    } catch (e) {
        const refused = await refusal(e);
        expect(refused !== null, `expected HTTP ${status}, got ${await describe(e)}`);
        expect(refused!.status === status, `expected HTTP ${status}, got ${refused!.status}`);
        expect(refused!.contentType?.startsWith('application/problem+json') ?? false,
            `expected application/problem+json, got ${refused!.contentType}`);
        expect(refused!.problem.type === `https://prepline.io/problems/${type}`,
            `expected problem type ${type}, got ${refused!.problem.type}`);
        return;
    }
    throw new Error(`expected HTTP ${status}, the call succeeded`);
}

async function main(): Promise<void> {
    const page = await check('listQuestions returns a page of questions', async () => {
        const page = await catalogue.listQuestions({ limit: 20 });
        expect(page.items !== undefined && page.items.length > 0, 'the catalogue is empty');
        return page;
    });
    // a question answered as a whole (no parts) and scored against a rubric (its page lists the criteria)
    const question = await check('getQuestion reads a page listed by listQuestions', async () => {
        for (const item of page?.items ?? []) {
            const detail = await catalogue.getQuestion({ slug: item.slug! });
            expect(detail.slug === item.slug, `asked for ${item.slug}, got ${detail.slug}`);
            if ((detail.parts ?? []).length === 0 && (detail.criteria ?? []).length > 0) {
                return detail;
            }
        }
        throw new Error('no question without parts and with a rubric on the first page');
    });
    await check('getQuestion of an unknown slug is a 404 not-found problem', () =>
        expectRefused(() => catalogue.getQuestion({ slug: 'no-such-question-here' }), 404, 'not-found'));
    await check('submitAnswer without a token is a 401 unauthorized problem', () =>
        expectRefused(() => anonymousAnswers.submitAnswer({
            answerRequest: { question: 'any', body: 'any' } }), 401, 'unauthorized'));
    if (!question) {
        return;
    }
    await check('getRubric reads the current rubrics as an author', async () => {
        const view = await rubrics.getRubric({ slug: question.slug! });
        expect('questionVersion' in view && view.slug === question.slug, `not the rubrics of ${question.slug}`);
    });
    const body = 'Pruning removes the weights that contribute least, for example by magnitude, and then fine-tunes '
        + 'the smaller network to recover accuracy; it trades a little accuracy for latency and memory.';
    const submitted = await check('submitAnswer accepts an answer for a candidate', () =>
        patiently(async () => {
            const answer = await candidateAnswers.submitAnswer({
                answerRequest: { question: question.slug, part: null, body },
                idempotencyKey: `smoke-${Date.now()}`,
            });
            expect(answer.status === 'SUBMITTED', `status ${answer.status}`);
            expect(answer.questionSlug === question.slug, `question ${answer.questionSlug}`);
            return answer;
        }, ['unknown-question', 'rubric-missing']));
    if (submitted) {
        await check('getAnswer reads the answer back', async () => {
            const answer = await candidateAnswers.getAnswer({ id: submitted.id! });
            expect(answer.id === submitted.id && answer.body === body, 'a different answer came back');
        });
        await check('the answer is scored (status leaves SUBMITTED)', async () => {
            const deadline = Date.now() + patienceMs;
            for (;;) {
                const answer = await candidateAnswers.getAnswer({ id: submitted.id! });
                if (answer.status !== 'SUBMITTED') {
                    expect(answer.score?.overall !== undefined, `status ${answer.status} without a score`);
                    return;
                }
                expect(Date.now() < deadline, `still SUBMITTED after ${patienceMs / 1000} s`);
                await new Promise(resolve => setTimeout(resolve, 250));
            }
        });
    }
    await check('previewScore scores a draft for an author', () =>
        patiently(async () => {
            const score = await preview.previewScore({ scorePreviewRequest: { question: question.slug, body } });
            expect(score.questionSlug === question.slug, `question ${score.questionSlug}`);
            expect(score.overall !== undefined && score.overall >= 0 && score.overall <= 100, `overall ${score.overall}`);
        }, ['catalogue-unavailable', 'unknown-question']));
}

main()
    .catch(async e => {
        failed++;
        console.log(`not ok - ${await describe(e)}`);
    })
    .finally(() => {
        console.log(`smoke: ${passed} passed, ${failed} failed`);
        process.exitCode = failed === 0 ? 0 : 1;
    });
